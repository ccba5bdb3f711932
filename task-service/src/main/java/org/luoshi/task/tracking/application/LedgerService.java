package org.luoshi.task.tracking.application;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.shared.domain.Department;
import org.luoshi.task.shared.persistence.DepartmentRepository;
import org.luoshi.task.tracking.api.LedgerImportResult;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.TaskPage;
import org.luoshi.task.tracking.api.TaskQuery;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneStatus;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.ledger.LedgerError;
import org.luoshi.task.tracking.ledger.LedgerFormatException;
import org.luoshi.task.tracking.ledger.LedgerMilestone;
import org.luoshi.task.tracking.ledger.LedgerRow;
import org.luoshi.task.tracking.ledger.LedgerSheet;
import org.luoshi.task.tracking.ledger.LedgerWorkbook;
import org.luoshi.task.tracking.persistence.MilestoneRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;

/**
 * The 台账 as .xlsx both ways. Export writes any filtered list of tasks; import reads a sheet whose 序号 names
 * tasks of the plan (e.g. 三（一）2) or new positions in its sections, and creates or updates them. Every row is
 * checked before anything is written: one bad row fails the file, listing each bad row with its number and reason.
 * A draft plan's ledger shapes its tasks (titles, dates, milestones) but assigns nothing: a row that names a
 * 牵头单位 or 配合单位 of a draft is refused on that column (drafts are assigned once the plan is confirmed), rather than
 * imported without the departments the supervisor wrote down, who would then find them silently gone.
 */
@ApplicationScoped
public class LedgerService {
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    /** Exports are of one plan's tasks: a few hundred, at most a few thousand. */
    private static final int EXPORT_LIMIT = LedgerWorkbook.MAX_DATA_ROWS;
    /** A 序号 that is not yet a task: its section's reference (ending in ）) and the new task's position in it. */
    private static final Pattern NEW_TASK_REFERENCE = Pattern.compile("^(.*）)(\\d+)$");
    private static final String DRAFT_NOT_ASSIGNED = "规划尚未确认（草稿），其任务不能交办：请清空此列后导入，确认规划后再交办";

    private final LedgerWorkbook workbook = new LedgerWorkbook();

    @Inject
    TaskService tasks;

    @Inject
    PlanService plans;

    @Inject
    TaskRepository taskRepository;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    DepartmentRepository departments;

    @Inject
    CallerFactory callers;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AuditLog audit;

    @Inject
    MilestoneService milestones;

    @Inject
    MilestoneRepository milestoneRows;

    @Transactional
    public byte[] export(TaskQuery query) {
        Plan plan = plans.visiblePlan(query.planId(), callers.current());
        TaskPage page = tasks.list(new TaskQuery(query.planId(), query.chapterId(), query.sectionId(), query.department(),
                query.departmentRole(), query.statuses(), query.lights(), query.dueFrom(), query.dueTo(), query.text(),
                query.sort(), query.descending(), 0, EXPORT_LIMIT));
        Map<String, String> names = new HashMap<>();
        departments.listAll().forEach(d -> names.put(d.code, d.nameZh));
        List<LedgerRow> rows = new ArrayList<>();
        int rowNumber = LedgerWorkbook.FIRST_DATA_ROW;
        for (TaskView t : page.items()) {
            rows.add(new LedgerRow(rowNumber++, t.reference(), t.title(),
                    t.leadDepartmentCode() == null ? "" : names.getOrDefault(t.leadDepartmentCode(), t.leadDepartmentCode()),
                    t.coDepartmentCodes().stream().map(c -> names.getOrDefault(c, c)).toList(), t.dueDate(),
                    t.milestones().stream().map(m -> new LedgerMilestone(m.dueDate(), m.title(),
                            m.status() == MilestoneStatus.DONE)).toList(),
                    progress(t), status(t)));
        }
        return workbook.write(new LedgerSheet(plan.title + " 任务台账", rows));
    }

    @Transactional
    public LedgerImportResult importSheet(long planId, byte[] xlsx) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        LedgerSheet sheet = workbook.read(new ByteArrayInputStream(xlsx == null ? new byte[0] : xlsx));
        PlanIndex index = indexOf(plan);
        List<Change> changes = check(sheet, index);
        Outcome outcome = applyAll(plan, changes, index.structure());
        LOG.infof("%s imported a ledger of %d rows into plan %d: %d created, %d updated, %d unchanged", caller.username(),
                sheet.rows().size(), planId, outcome.created().size(), outcome.updated().size(), outcome.unchanged());
        return new LedgerImportResult(sheet.rows().size(), outcome.created().size(), outcome.updated().size(),
                outcome.unchanged(), outcome.created(), outcome.updated());
    }

    /** What the rows are matched against: departments by code and by name, the plan's tasks and task sections by 序号. */
    private record PlanIndex(Map<String, String> departmentCodes, PlanStructure structure, Map<String, PlanTask> tasks,
            Map<String, PlanSection> sections, boolean draft) {
    }

    private PlanIndex indexOf(Plan plan) {
        Map<String, String> departmentCodes = new HashMap<>();
        for (Department d : departments.listAll()) {
            departmentCodes.put(d.code, d.code);
            departmentCodes.put(d.nameZh, d.code);
        }
        List<PlanTask> planTasks = taskRepository.list("planId", plan.id);
        PlanStructure structure = tasks.structureOf(planTasks);
        Map<String, PlanTask> tasksByReference = new HashMap<>();
        planTasks.forEach(t -> tasksByReference.put(structure.reference(t), t));
        Map<Long, PlanChapter> chapterById = new HashMap<>();
        chapters.ofPlan(plan.id).forEach(c -> chapterById.put(c.id, c));
        Map<String, PlanSection> sectionsByReference = new HashMap<>();
        for (PlanSection s : sections.ofPlan(plan.id)) {
            PlanChapter c = chapterById.get(s.chapterId);
            if (!c.context) {
                sectionsByReference.put(c.number + s.number, s);
            }
        }
        return new PlanIndex(departmentCodes, structure, tasksByReference, sectionsByReference,
                plan.status == PlanStatus.DRAFT);
    }

    /** Checks every row before anything is written: one bad row fails the file, naming each bad row and why. */
    private static List<Change> check(LedgerSheet sheet, PlanIndex index) {
        List<LedgerError> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LedgerRow row : sheet.rows()) {
            checkRow(row, index, seen, errors).ifPresent(changes::add);
        }
        if (!errors.isEmpty()) {
            throw new LedgerFormatException(errors);
        }
        return changes;
    }

    /** The change a row asks for; empty when its 序号 names nothing (the errors say why). */
    private static Optional<Change> checkRow(LedgerRow row, PlanIndex index, Set<String> seen, List<LedgerError> errors) {
        int n = row.rowNumber();
        String reference = row.reference();
        if (reference.isEmpty()) {
            errors.add(new LedgerError(n, "序号", "缺少序号：应为本规划中任务的编号，如“三（一）2”"));
            return Optional.empty();
        }
        if (!seen.add(reference)) {
            errors.add(new LedgerError(n, "序号", "序号“" + reference + "”在表中重复出现"));
            return Optional.empty();
        }
        PlanTask existing = index.tasks().get(reference);
        PlanSection newIn = null;
        Integer newOrdinal = null;
        if (existing == null) {
            Matcher position = NEW_TASK_REFERENCE.matcher(reference);
            if (!position.matches() || !index.sections().containsKey(position.group(1))) {
                errors.add(new LedgerError(n, "序号", "序号“" + reference + "”不是本规划中的任务或章节编号"));
                return Optional.empty();
            }
            newIn = index.sections().get(position.group(1));
            newOrdinal = Integer.parseInt(position.group(2));
        }
        if (index.draft()) {
            if (!row.leadDepartment().isEmpty()) {
                errors.add(new LedgerError(n, "牵头单位", DRAFT_NOT_ASSIGNED));
            }
            if (!row.coDepartments().isEmpty()) {
                errors.add(new LedgerError(n, "配合单位", DRAFT_NOT_ASSIGNED));
            }
        }
        String lead = index.draft() ? null : lead(row, index, errors);
        Set<String> co = index.draft() ? Set.of() : coDepartments(row, lead, index, errors);
        if (existing != null && existing.leadDepartmentCode != null && lead == null) {
            errors.add(new LedgerError(n, "牵头单位", "已交办的任务不能去掉牵头单位"));
        }
        return Optional.of(new Change(row, existing, newIn, newOrdinal, lead, co));
    }

    private static String lead(LedgerRow row, PlanIndex index, List<LedgerError> errors) {
        if (row.leadDepartment().isEmpty()) {
            return null;
        }
        String lead = index.departmentCodes().get(row.leadDepartment());
        if (lead == null) {
            errors.add(new LedgerError(row.rowNumber(), "牵头单位", "未知的单位“" + row.leadDepartment() + "”"));
        }
        return lead;
    }

    private static Set<String> coDepartments(LedgerRow row, String lead, PlanIndex index, List<LedgerError> errors) {
        Set<String> co = new TreeSet<>();
        for (String name : row.coDepartments()) {
            String code = index.departmentCodes().get(name);
            if (code == null) {
                errors.add(new LedgerError(row.rowNumber(), "配合单位", "未知的单位“" + name + "”"));
            } else if (!code.equals(lead)) {
                co.add(code);
            }
        }
        return co;
    }

    private record Outcome(List<Long> created, List<Long> updated, int unchanged) {
    }

    /**
     * Creates the new tasks and updates the listed ones, each audited; a row that changes nothing is left alone. The
     * milestones a row adds go the one bulk way ({@link MilestoneService#insertNew}: one insert and one audit batch for
     * the whole file, not a statement each); the tasks' entries are then written, with them, in two batches.
     */
    private Outcome applyAll(Plan plan, List<Change> changes, PlanStructure structure) {
        List<PlanTask> created = new ArrayList<>();
        Map<Long, TaskView> before = new java.util.LinkedHashMap<>();
        Map<Long, Integer> versionRead = new HashMap<>();
        List<NewMilestone> added = new ArrayList<>();
        int unchanged = 0;
        LocalDate today = calendar.today();
        for (Change change : changes) {
            PlanTask task = change.existing();
            if (task == null) {
                created.add(create(plan, change, added));
                continue;
            }
            TaskView view = TaskViews.of(task, structure, today);
            versionRead.put(task.id, task.version);
            if (apply(task, change, added)) {
                before.put(task.id, view);
            } else {
                unchanged++;
            }
        }
        taskRepository.flush();
        List<Long> createdIds = created.stream().map(t -> t.id).toList();
        List<Long> changedIds = new ArrayList<>(createdIds);
        changedIds.addAll(before.keySet());
        if (!added.isEmpty()) {
            List<Long> tasksAdded = added.stream().map(a -> a.task().id).distinct().sorted().toList();
            MilestoneService.Inserted inserted = milestones.insertNew(milestoneRows.lockTasksAndReadMilestones(tasksAdded),
                    added.stream().map(a -> new MilestoneService.Planned(a.task().id, a.line().title(), a.line().dueDate(),
                            null, BigDecimal.ONE)).toList());
            // an updated task whose other columns were unchanged still changed: its ETag moves on once
            milestoneRows.touchTasks(inserted.tasks().stream().filter(id -> versionRead.containsKey(id))
                    .filter(id -> taskRepository.findById(id).version == versionRead.get(id)).toList());
        }
        // read anew when milestones were written past Hibernate, so that the entries show them
        List<PlanTask> read = added.isEmpty() ? null : tasks.tasksWithMilestones(changedIds);
        Map<Long, TaskView> after = new HashMap<>();
        if (read == null) {
            created.forEach(t -> after.put(t.id, tasks.view(t)));
            before.keySet().forEach(id -> after.put(id, tasks.view(taskRepository.findById(id))));
        } else {
            PlanStructure readStructure = tasks.structureOf(read);
            read.forEach(t -> after.put(t.id, TaskViews.of(t, readStructure, today)));
        }
        audit.recordAll("task.created", "task", createdIds.stream().map(id -> new AuditLog.Change(id, null, after.get(id))).toList());
        audit.recordAll("task.ledger-imported", "task", before.entrySet().stream()
                .map(e -> new AuditLog.Change(e.getKey(), e.getValue(), after.get(e.getKey()))).toList());
        return new Outcome(createdIds, new ArrayList<>(before.keySet()), unchanged);
    }

    /** A milestone a row adds to a task, written once the task has its id. */
    private record NewMilestone(PlanTask task, LedgerMilestone line) {
    }

    private PlanTask create(Plan plan, Change change, List<NewMilestone> added) {
        PlanTask task = new PlanTask();
        task.planId = plan.id;
        task.sectionId = change.section().id;
        task.ordinal = change.ordinal();
        task.title = change.row().task();
        apply(task, change, added);
        taskRepository.persist(task);
        return task;
    }

    /** Applies a row to a task, touching only what differs; answers whether anything did. */
    private static boolean apply(PlanTask task, Change change, List<NewMilestone> added) {
        boolean changed = false;
        LedgerRow row = change.row();
        if (!row.task().isEmpty() && !row.task().equals(task.title)) {
            task.title = row.task();
            changed = true;
        }
        if (!Objects.equals(change.lead(), task.leadDepartmentCode) && change.lead() != null) {
            task.assignLead(change.lead());
            changed = true;
        }
        if (!new TreeSet<>(task.coDepartmentCodes).equals(change.co())) {
            task.coDepartmentCodes.clear();
            task.coDepartmentCodes.addAll(change.co());
            changed = true;
        }
        if (!Objects.equals(row.dueDate(), task.dueDate)) {
            task.dueDate = row.dueDate();
            changed = true;
        }
        return syncMilestones(task, row.milestones(), added) || changed;
    }

    /**
     * Milestones are matched by title: a listed one updates the task's milestone of that title (due date, done),
     * an unlisted open one is removed, a done one is kept (an approved report is not undone by a spreadsheet). A new
     * open one is left to the bulk insert ({@code added}); a new one listed as done is added done, here.
     */
    private static boolean syncMilestones(PlanTask task, List<LedgerMilestone> lines, List<NewMilestone> added) {
        boolean changed = false;
        Map<String, Milestone> byTitle = new HashMap<>();
        task.milestones.forEach(m -> byTitle.put(m.title, m));
        Set<String> listed = new LinkedHashSet<>();
        for (LedgerMilestone line : lines) {
            listed.add(line.title());
            Milestone m = byTitle.get(line.title());
            if (m == null && !line.done()) {
                added.add(new NewMilestone(task, line));
                changed = true;
                continue;
            }
            if (m == null) {
                m = task.addMilestone(line.title(), line.dueDate(), null, BigDecimal.ONE);
                changed = true;
            } else if (!m.dueDate.equals(line.dueDate())) {
                m.dueDate = line.dueDate();
                changed = true;
            }
            if (line.done()) {
                changed |= m.complete(m.dueDate);
            }
        }
        changed |= task.milestones.removeIf(m -> !listed.contains(m.title) && !m.isDone());
        return changed;
    }

    private static String progress(TaskView t) {
        long done = t.milestones().stream().filter(m -> m.status() == MilestoneStatus.DONE).count();
        if (t.milestones().isEmpty()) {
            return "";
        }
        String next = t.milestones().stream().filter(m -> m.status() != MilestoneStatus.DONE).findFirst()
                .map(MilestoneView::title).map(title -> "；下一节点：" + title).orElse("");
        return "已完成 " + done + "/" + t.milestones().size() + " 个节点" + next;
    }

    private static String status(TaskView t) {
        String light = switch (t.light() == null ? StatusLight.NONE : t.light()) {
            case RED -> "红灯";
            case YELLOW -> "黄灯";
            case GREEN -> "绿灯";
            case NONE -> "未定";
        };
        String status = switch (t.status()) {
            case DRAFT -> "待交办";
            case ASSIGNED -> "已交办";
            case ACCEPTED -> "已接收";
            case COMPLETED -> "已完成";
        };
        return light + " · " + status;
    }

    private record Change(LedgerRow row, PlanTask existing, PlanSection section, Integer ordinal, String lead, Set<String> co) {
    }
}
