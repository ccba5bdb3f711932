package org.luoshi.task.evaluation.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.audit.domain.CanonicalJson;
import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.application.IndicatorService;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.Target;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.shared.domain.Department;
import org.luoshi.task.shared.persistence.DepartmentRepository;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.application.AdjustmentService;
import org.luoshi.task.tracking.application.PlanStructure;
import org.luoshi.task.tracking.application.PlanStructureService;
import org.luoshi.task.tracking.application.TaskService;
import org.luoshi.task.tracking.application.TaskViews;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.MilestoneReportRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;
import org.luoshi.task.tracking.persistence.TaskRevisionRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Freezes what an evaluation looks at. The views, lights, roll-ups and indicator assessments are the ones the rest of
 * the service computes ({@link TaskViews}, {@link PlanStructureService#rollup}, {@link IndicatorService#view}), taken on
 * the snapshot day. The text is canonical JSON ({@link CanonicalJson}: keys sorted, numbers plain, no whitespace), so
 * the same state always gives the same bytes and the same SHA-256.
 */
@ApplicationScoped
public class EvaluationSnapshots {
    @Inject
    TaskRepository tasks;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    MilestoneReportRepository reports;

    @Inject
    TaskRevisionRepository revisions;

    @Inject
    IndicatorRepository indicators;

    @Inject
    DepartmentRepository departments;

    @Inject
    TaskService taskService;

    @Inject
    PlanStructureService structureService;

    @Inject
    AdjustmentService adjustments;


    @Inject
    ObjectMapper json;

    /** The snapshot, its text and that text's SHA-256. */
    public record Frozen(EvaluationSnapshot snapshot, String text, String sha256) {
        public List<String> departmentCodes() {
            return snapshot.departments().stream().map(EvaluationSnapshot.DepartmentPart::code).toList();
        }
    }

    /** Within the launch's transaction. */
    Frozen freeze(Plan plan, EvaluationSnapshot.Scope scope, LocalDate day) {
        List<PlanTask> planTasks = tasks.list("planId", plan.id);
        PlanStructure structure = taskService.structureOf(planTasks);
        List<PlanTask> ordered = planTasks.stream()
                .sorted(Comparator.comparingLong(structure::orderKey).thenComparingLong(t -> t.id)).toList();
        List<Long> ids = ordered.stream().map(t -> t.id).toList();

        Map<Long, List<MilestoneReportView>> reportsByTask = ids.isEmpty() ? Map.of()
                : reports.list("taskId in ?1", ids).stream().map(MilestoneReportView::of)
                        .sorted(Comparator.comparing(MilestoneReportView::submittedAt)
                                .thenComparing(MilestoneReportView::reportKey))
                        .collect(Collectors.groupingBy(MilestoneReportView::taskId));
        Map<Long, List<TaskRevisionView>> revisionsByTask = ids.isEmpty() ? Map.of()
                : revisions.list("taskId in ?1", ids).stream().map(adjustments::view)
                        .sorted(Comparator.comparingInt(TaskRevisionView::revision))
                        .collect(Collectors.groupingBy(TaskRevisionView::taskId));

        List<EvaluationSnapshot.TaskPart> taskParts = ordered.stream().map(t -> {
            PlanChapter chapter = structure.chapter(t);
            return new EvaluationSnapshot.TaskPart(TaskViews.of(t, structure, day), chapter == null ? null : chapter.number,
                    reportsByTask.getOrDefault(t.id, List.of()), revisionsByTask.getOrDefault(t.id, List.of()));
        }).toList();

        TreeSet<String> inScope = new TreeSet<>();
        for (PlanTask t : planTasks) {
            if (t.leadDepartmentCode != null) {
                inScope.add(t.leadDepartmentCode);
            }
            inScope.addAll(t.coDepartmentCodes);
        }
        Map<String, String> names = departments.listAll().stream()
                .collect(Collectors.toMap(d -> d.code, (Department d) -> d.nameZh));
        List<EvaluationSnapshot.DepartmentPart> departmentParts = inScope.stream()
                .map(code -> new EvaluationSnapshot.DepartmentPart(code, names.getOrDefault(code, code))).toList();

        Map<Long, List<PlanSection>> sectionsByChapter = sections.ofPlan(plan.id).stream()
                .collect(Collectors.groupingBy(s -> s.chapterId));
        List<EvaluationSnapshot.ChapterPart> chapterParts = chapters.ofPlan(plan.id).stream()
                .sorted(Comparator.comparingInt((PlanChapter c) -> c.ordinal).thenComparingLong(c -> c.id))
                .map(c -> new EvaluationSnapshot.ChapterPart(c.id, c.ordinal, c.number, c.title, c.context,
                        sectionsByChapter.getOrDefault(c.id, List.of()).stream()
                                .sorted(Comparator.comparingInt((PlanSection s) -> s.ordinal).thenComparingLong(s -> s.id))
                                .map(s -> new EvaluationSnapshot.SectionPart(s.id, s.ordinal, s.number, s.title)).toList()))
                .toList();

        List<PlanIndicator> planIndicators = indicators.ofPlan(plan.id).stream()
                .sorted(Comparator.comparingInt((PlanIndicator i) -> i.ordinal).thenComparingLong(i -> i.id)).toList();
        List<IndicatorView> indicatorViews = planIndicators.stream().map(i -> IndicatorService.view(i, day.getYear()))
                .toList();
        List<EvaluationSnapshot.OriginalTarget> originalTargets = planIndicators.stream().map(this::originalTarget)
                .flatMap(Optional::stream).toList();

        EvaluationSnapshot snapshot = new EvaluationSnapshot(EvaluationSnapshot.FORMAT, day,
                new EvaluationSnapshot.PlanPart(plan.id, plan.title, List.copyOf(plan.issuingBodies), plan.periodStart,
                        plan.periodEnd, plan.status),
                scope, departmentParts, chapterParts, taskParts, indicatorViews, originalTargets,
                structureService.rollup(plan.id, ordered, day));
        String text = CanonicalJson.write(json.valueToTree(snapshot));
        return new Frozen(snapshot, text, sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plan's own target where an adjustment changed it: the report shows it next to the adjusted one. */
    private Optional<EvaluationSnapshot.OriginalTarget> originalTarget(PlanIndicator indicator) {
        Target original = indicator.originalTarget();
        return original == null ? Optional.empty()
                : Optional.of(new EvaluationSnapshot.OriginalTarget(indicator.id, original.year(), original.value(),
                        original.comparison()));
    }

    /** A stored snapshot, read back for the report. */
    public EvaluationSnapshot read(String text) {
        try {
            return json.readValue(text, EvaluationSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
