package org.luoshi.task.disclosure.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.disclosure.api.DisclosureContent;
import org.luoshi.task.disclosure.domain.DisclosureTrigger;
import org.luoshi.task.disclosure.domain.PublicLabels;
import org.luoshi.task.disclosure.domain.PublishedDocument;
import org.luoshi.task.disclosure.persistence.PublishedDocumentRepository;
import org.luoshi.task.evaluation.api.ProposalView;
import org.luoshi.task.evaluation.application.EvaluationProposals;
import org.luoshi.task.indicator.domain.IndicatorAssessment;
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
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.TaskRepository;

/**
 * Computes what a status snapshot says about a plan on a day: only counts, shares, indicators and published
 * documents, so that nothing internal can slip into what is made public.
 */
@ApplicationScoped
class DisclosureContentBuilder {
    private static final String OUTSIDE_THE_TEXT = "规划文本之外增列的任务";
    private static final String NOT_ASSIGNED = "未交办";

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    DepartmentRepository departments;

    @Inject
    IndicatorRepository indicators;

    @Inject
    PublishedDocumentRepository documents;

    @Inject
    EvaluationProposals proposals;

    DisclosureContent build(long snapshotId, Plan plan, LocalDate asOf, Instant publishedAt, DisclosureTrigger trigger,
            DisclosureContent.EvaluationRef evaluation) {
        Map<String, String> departmentNames = departments.listAll().stream()
                .collect(Collectors.toMap(d -> d.code, (Department d) -> d.nameZh));
        List<PlanChapter> planChapters = chapters.ofPlan(plan.id);
        Map<Long, PlanChapter> chapterById = planChapters.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, PlanSection> sectionById = sections.ofPlan(plan.id).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<PlanTask> planTasks = tasks.list("planId", plan.id);

        Tally overall = new Tally();
        // chapters in the plan's order, every task chapter even without tasks; tasks outside the text last
        Map<Integer, Tally> byChapter = new TreeMap<>();
        planChapters.stream().filter(c -> !c.context).forEach(c -> byChapter.put(c.ordinal, new Tally()));
        Map<String, Tally> byDepartment = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Tally> byDepartmentKeyed = new LinkedHashMap<>();
        for (PlanTask task : planTasks) {
            overall.add(task, asOf);
            PlanSection section = task.sectionId == null ? null : sectionById.get(task.sectionId);
            PlanChapter chapter = section == null ? null : chapterById.get(section.chapterId);
            byChapter.computeIfAbsent(chapter == null ? Integer.MAX_VALUE : chapter.ordinal, k -> new Tally()).add(task, asOf);
            byDepartmentKeyed.computeIfAbsent(task.leadDepartmentCode == null ? "" : task.leadDepartmentCode, k -> new Tally())
                    .add(task, asOf);
        }
        byDepartmentKeyed.forEach((k, v) -> byDepartment.put(k.isEmpty() ? null : k, v));

        Map<Integer, PlanChapter> chapterByOrdinal = planChapters.stream()
                .collect(Collectors.toMap(c -> c.ordinal, Function.identity()));
        List<DisclosureContent.ChapterProgress> chapterRows = new ArrayList<>();
        byChapter.forEach((ordinal, t) -> {
            PlanChapter c = chapterByOrdinal.get(ordinal);
            chapterRows.add(new DisclosureContent.ChapterProgress(c == null ? null : c.number, c == null ? OUTSIDE_THE_TEXT : c.title,
                    t.tasks, t.completed, percent(t.completed, t.tasks), t.green, t.yellow, t.red, t.none, t.milestones,
                    t.milestonesDone));
        });
        List<DisclosureContent.DepartmentProgress> departmentRows = new ArrayList<>();
        byDepartment.forEach((code, t) -> departmentRows.add(new DisclosureContent.DepartmentProgress(code,
                code == null ? NOT_ASSIGNED : departmentNames.getOrDefault(code, code), t.tasks, t.completed,
                percent(t.completed, t.tasks), t.green, t.yellow, t.red, t.none, t.milestones, t.milestonesDone)));

        int year = asOf.getYear();
        List<DisclosureContent.IndicatorStatus> indicatorRows = indicators.ofPlan(plan.id).stream()
                .map(i -> indicator(i, year, departmentNames)).toList();

        List<DisclosureContent.DocumentRef> documentRefs = documents.ofPlan(plan.id).stream().map(DisclosureContentBuilder::ref)
                .toList();

        return new DisclosureContent(DisclosureContent.SCHEMA_VERSION, snapshotId,
                new DisclosureContent.PublicPlan(plan.id, plan.title, List.copyOf(plan.issuingBodies), plan.periodStart,
                        plan.periodEnd),
                asOf, publishedAt, trigger, evaluation,
                new DisclosureContent.Progress(overall.tasks, overall.completed, percent(overall.completed, overall.tasks),
                        overall.green, overall.yellow, overall.red, overall.none, overall.milestones, overall.milestonesDone),
                chapterRows, departmentRows, indicatorRows, documentRefs,
                proposals.decidedOfPlan(plan.id).stream().map(DisclosureContentBuilder::decision).toList());
    }

    private static DisclosureContent.ProposalDecisionRef decision(ProposalView p) {
        var followed = p.adjustmentsFollowed().stream().map(r -> new DisclosureContent.AdjustmentRef(r.revision(),
                r.recordedAt(), r.before() == null ? null : r.before().dueDate(), r.after().dueDate())).toList();
        String adjusted = p.adjustmentsFollowed().isEmpty()
                ? (p.adjustedTaskId() != null && p.adjustedTaskId().equals(p.taskId()) ? p.taskReference() : null)
                : p.adjustmentsFollowed().get(0).after().reference();
        return new DisclosureContent.ProposalDecisionRef(p.id(), p.evaluationId(), p.evaluationKind().reportTitle(),
                p.findingOrdinal(), p.finding(), p.taskReference(), p.indicatorName(), p.status().name(),
                PublicLabels.of(p.status()), p.reason(), PublicLabels.SUPERVISING_OFFICE, p.decidedAt(), adjusted, followed);
    }

    static DisclosureContent.DocumentRef ref(PublishedDocument d) {
        return new DisclosureContent.DocumentRef(d.id, d.title, d.filename, d.mediaType, d.size, d.sha256, d.evaluationId,
                d.publishedAt, "/api/public/documents/" + d.id);
    }

    private static DisclosureContent.IndicatorStatus indicator(PlanIndicator i, int year, Map<String, String> departmentNames) {
        IndicatorAssessment a = i.toRule().assess(year);
        Target original = i.originalTarget() != null ? i.originalTarget() : i.target();
        Target adjusted = i.originalTarget() != null ? i.target() : null;
        BigDecimal progress = a.progressToTarget() == null ? null
                : a.progressToTarget().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        return new DisclosureContent.IndicatorStatus(i.ordinal, i.name, i.unit, PublicLabels.of(i.kind), i.baselineYear,
                plain(i.baselineValue), original.year(), plain(original.value()), PublicLabels.of(original.comparison()),
                adjusted != null, adjusted == null ? null : adjusted.year(), adjusted == null ? null : plain(adjusted.value()),
                adjusted == null ? null : PublicLabels.of(adjusted.comparison()), i.responsibleDepartmentCode,
                i.responsibleDepartmentCode == null ? null
                        : departmentNames.getOrDefault(i.responsibleDepartmentCode, i.responsibleDepartmentCode),
                a.latestYear(), plain(a.latestValue()), a.latestRevision() == null ? null : PublicLabels.of(a.latestRevision()),
                plain(progress), a.outlook().name(), PublicLabels.of(a.outlook()));
    }

    /** Numbers as people write them: 6.44, not 6.440000; 8000, not 8E+3. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static final class Tally {
        int tasks;
        int completed;
        int green;
        int yellow;
        int red;
        int none;
        int milestones;
        int milestonesDone;

        void add(PlanTask task, LocalDate asOf) {
            tasks++;
            if (task.status == TaskStatus.COMPLETED) {
                completed++;
            }
            StatusLight light = StatusLightPolicy.of(task, asOf);
            switch (light) {
                case GREEN -> green++;
                case YELLOW -> yellow++;
                case RED -> red++;
                case NONE -> none++;
            }
            milestones += task.milestones.size();
            milestonesDone += (int) task.milestones.stream().filter(m -> m.isDone()).count();
        }
    }
}
