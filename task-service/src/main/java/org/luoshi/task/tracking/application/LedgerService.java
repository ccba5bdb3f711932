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
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
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
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.ledger.LedgerError;
import org.luoshi.task.tracking.ledger.LedgerFormatException;
import org.luoshi.task.tracking.ledger.LedgerMilestone;
import org.luoshi.task.tracking.ledger.LedgerRow;
import org.luoshi.task.tracking.ledger.LedgerSheet;
import org.luoshi.task.tracking.ledger.LedgerWorkbook;
import org.luoshi.task.tracking.persistence.TaskRepository;

/**
 * The 台账 as .xlsx both ways. Export writes any filtered list of tasks; import reads a sheet whose 序号 names
 * tasks of the plan (e.g. 三（一）2) or new positions in its sections, and creates or updates them. Every row is
 * checked before anything is written: one bad row fails the file, listing each bad row with its number and reason.
 */
@ApplicationScoped
public class LedgerService {
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    /** Exports are of one plan's tasks: a few hundred, at most a few thousand. */
    private static final int EXPORT_LIMIT = LedgerWorkbook.MAX_DATA_ROWS;

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

        Map<String, String> departmentCodes = new HashMap<>();
        for (Department d : departments.listAll()) {
            departmentCodes.put(d.code, d.code);
            departmentCodes.put(d.nameZh, d.code);
        }
        List<PlanTask> planTasks = taskRepository.list("planId", planId);
        PlanStructure structure = tasks.structureOf(planTasks);
        Map<String, PlanTask> byReference = new HashMap<>();
        planTasks.forEach(t -> byReference.put(structure.reference(t), t));
        Map<String, PlanSection> sectionsByReference = new HashMap<>();
        Map<Long, PlanChapter> chapterById = new HashMap<>();
        chapters.ofPlan(planId).forEach(c -> chapterById.put(c.id, c));
        for (PlanSection s : sections.ofPlan(planId)) {
            PlanChapter c = chapterById.get(s.chapterId);
            if (!c.context) {
                sectionsByReference.put(c.number + s.number, s);
            }
        }

        List<LedgerError> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LedgerRow row : sheet.rows()) {
            int n = row.rowNumber();
            if (row.reference().isEmpty()) {
                errors.add(new LedgerError(n, "序号", "缺少序号：应为本规划中任务的编号，如“三（一）2”"));
                continue;
            }
            if (!seen.add(row.reference())) {
                errors.add(new LedgerError(n, "序号", "序号“" + row.reference() + "”在表中重复出现"));
                continue;
            }
            PlanTask existing = byReference.get(row.reference());
            PlanSection newIn = null;
            Integer newOrdinal = null;
            if (existing == null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*）)(\\d+)$").matcher(row.reference());
                if (m.matches() && sectionsByReference.containsKey(m.group(1))) {
                    newIn = sectionsByReference.get(m.group(1));
                    newOrdinal = Integer.parseInt(m.group(2));
                } else {
                    errors.add(new LedgerError(n, "序号", "序号“" + row.reference() + "”不是本规划中的任务或章节编号"));
                    continue;
                }
            }
            String lead = null;
            if (!row.leadDepartment().isEmpty()) {
                lead = departmentCodes.get(row.leadDepartment());
                if (lead == null) {
                    errors.add(new LedgerError(n, "牵头单位", "未知的单位“" + row.leadDepartment() + "”"));
                }
            }
            Set<String> co = new TreeSet<>();
            for (String name : row.coDepartments()) {
                String code = departmentCodes.get(name);
                if (code == null) {
                    errors.add(new LedgerError(n, "配合单位", "未知的单位“" + name + "”"));
                } else if (!code.equals(lead)) {
                    co.add(code);
                }
            }
            if (existing != null && existing.leadDepartmentCode != null && lead == null) {
                errors.add(new LedgerError(n, "牵头单位", "已交办的任务不能去掉牵头单位"));
            }
            changes.add(new Change(row, existing, newIn, newOrdinal, lead, co));
        }
        if (!errors.isEmpty()) {
            throw new LedgerFormatException(errors);
        }

        List<Long> created = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        int unchanged = 0;
        LocalDate today = calendar.today();
        for (Change change : changes) {
            PlanTask task = change.existing();
            if (task == null) {
                task = new PlanTask();
                task.planId = plan.id;
                task.sectionId = change.section().id;
                task.ordinal = change.ordinal();
                task.title = change.row().task();
                task.status = TaskStatus.DRAFT;
                apply(task, change);
                taskRepository.persist(task);
                taskRepository.flush();
                audit.record("task.created", "task", task.id, null, tasks.view(task));
                created.add(task.id);
                continue;
            }
            TaskView before = TaskViews.of(task, structure, today);
            if (apply(task, change)) {
                taskRepository.flush();
                audit.record("task.ledger-imported", "task", task.id, before, tasks.view(task));
                updated.add(task.id);
            } else {
                unchanged++;
            }
        }
        LOG.infof("%s imported a ledger of %d rows into plan %d: %d created, %d updated, %d unchanged", caller.username(),
                sheet.rows().size(), planId, created.size(), updated.size(), unchanged);
        return new LedgerImportResult(sheet.rows().size(), created.size(), updated.size(), unchanged, created, updated);
    }

    /** Applies a row to a task, touching only what differs; answers whether anything did. */
    private static boolean apply(PlanTask task, Change change) {
        boolean changed = false;
        LedgerRow row = change.row();
        if (!row.task().isEmpty() && !row.task().equals(task.title)) {
            task.title = row.task();
            changed = true;
        }
        if (!Objects.equals(change.lead(), task.leadDepartmentCode) && change.lead() != null) {
            task.leadDepartmentCode = change.lead();
            if (task.status == TaskStatus.DRAFT) {
                task.status = TaskStatus.ASSIGNED;
            }
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
        return syncMilestones(task, row.milestones()) || changed;
    }

    /**
     * Milestones are matched by title: a listed one updates the task's milestone of that title (due date, done),
     * an unlisted open one is removed, a done one is kept (an approved report is not undone by a spreadsheet).
     */
    private static boolean syncMilestones(PlanTask task, List<LedgerMilestone> lines) {
        boolean changed = false;
        Map<String, Milestone> byTitle = new HashMap<>();
        task.milestones.forEach(m -> byTitle.put(m.title, m));
        Set<String> listed = new LinkedHashSet<>();
        for (LedgerMilestone line : lines) {
            listed.add(line.title());
            Milestone m = byTitle.get(line.title());
            if (m == null) {
                m = task.addMilestone(line.title(), line.dueDate(), null, BigDecimal.ONE);
                changed = true;
            } else if (!m.dueDate.equals(line.dueDate())) {
                m.dueDate = line.dueDate();
                changed = true;
            }
            if (line.done() && !m.isDone()) {
                m.status = MilestoneStatus.DONE;
                m.completedOn = m.dueDate;
                changed = true;
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
