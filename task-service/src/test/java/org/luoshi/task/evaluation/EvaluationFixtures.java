package org.luoshi.task.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.Fixtures;
import org.luoshi.task.evaluation.api.NewEvaluation;
import org.luoshi.task.evaluation.application.EvaluationService;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.EvaluationReport;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.evaluation.domain.ReportFormat;
import org.luoshi.task.evaluation.persistence.EvaluationReportRepository;
import org.luoshi.task.evaluation.persistence.EvaluationRepository;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.tracking.EvidenceFilesTest;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneStatus;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.MilestoneRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Plans worth evaluating and evaluations in a given phase, written straight to the database. */
@ApplicationScoped
public class EvaluationFixtures {
    @Inject
    Fixtures fixtures;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    MilestoneRepository milestones;

    @Inject
    IndicatorRepository indicators;

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationReportRepository reports;

    @Inject
    EvaluationService service;

    @Inject
    org.luoshi.task.plan.persistence.PlanRepository plans;

    @Inject
    org.luoshi.task.audit.persistence.AuditEntryRepository audit;

    /** The actions the audit log recorded about the evaluation, oldest first. */
    public List<String> auditActions(long evaluationId) {
        return QuarkusTransaction.requiringNew().call(() -> audit.search("evaluation", String.valueOf(evaluationId), null, org.luoshi.task.audit.domain.AuditVisibility.EVERYTHING)
                .list().stream().sorted(java.util.Comparator.comparing((org.luoshi.task.audit.domain.AuditEntry e) -> e.seq))
                .map(e -> e.action).toList());
    }

    /** A draft plan with one task assigned to haidian. */
    public long draftPlan() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            org.luoshi.task.plan.domain.Plan plan = new org.luoshi.task.plan.domain.Plan();
            plan.title = "草稿规划 " + System.nanoTime();
            plan.issuingBodies.add("北京市人民政府");
            plan.periodStart = 2021;
            plan.periodEnd = 2025;
            plan.status = org.luoshi.task.plan.domain.PlanStatus.DRAFT;
            plan.createdAt = Instant.now();
            plan.createdBy = "fixtures";
            plans.persist(plan);
            return plan.id;
        });
        fixtures.assignedTask(id, "haidian");
        return id;
    }

    /**
     * A plan in force with a context chapter 一 and a task chapter 三 whose section （一） holds: task 1, led by haidian
     * with chaoyang, overdue since 2021 with an open milestone; task 2, led by drc, due in 2099 with a milestone done.
     * One indicator (R&D spending, baseline 100 in 2020, at least 200 in 2025) with values for 2021 and 2022.
     */
    public record PlanData(long planId, long overdueTask, long laterTask, long openMilestone, long doneMilestone,
            long indicatorId) {
    }

    public PlanData plan() {
        long planId = fixtures.planInForce();
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanChapter context = new PlanChapter();
            context.planId = planId;
            context.ordinal = 1;
            context.number = "一";
            context.title = "发展基础";
            context.context = true;
            chapters.persist(context);
            PlanChapter chapter = new PlanChapter();
            chapter.planId = planId;
            chapter.ordinal = 3;
            chapter.number = "三";
            chapter.title = "建设国际科技创新中心";
            chapters.persist(chapter);
            PlanSection section = new PlanSection();
            section.chapterId = chapter.id;
            section.ordinal = 1;
            section.number = "（一）";
            section.title = "强化战略科技力量";
            sections.persist(section);

            PlanTask overdue = task(planId, section.id, 1, "建设怀柔综合性国家科学中心", "haidian", List.of("chaoyang"),
                    LocalDate.of(2021, 6, 30));
            Milestone open = overdue.addMilestone("完成方案", LocalDate.of(2021, 3, 31), "实施方案", null);
            PlanTask later = task(planId, section.id, 2, "完善科技创新政策体系", "drc", List.of(), LocalDate.of(2099, 12, 31));
            Milestone done = later.addMilestone("出台政策", LocalDate.of(2022, 6, 30), null, null);
            done.status = MilestoneStatus.DONE;
            done.completedOn = LocalDate.of(2022, 6, 1);
            tasks.persist(overdue);
            tasks.persist(later);
            milestones.persist(open);
            milestones.persist(done);

            PlanIndicator indicator = new PlanIndicator();
            indicator.planId = planId;
            indicator.ordinal = 1;
            indicator.name = "全社会研究与试验发展经费支出";
            indicator.unit = "亿元";
            indicator.kind = IndicatorKind.EXPECTED;
            indicator.baselineYear = 2020;
            indicator.baselineValue = new BigDecimal("100");
            indicator.targetYear = 2025;
            indicator.targetValue = new BigDecimal("200");
            indicator.comparison = TargetComparison.AT_LEAST;
            indicator.responsibleDepartmentCode = "stc-zgc";
            value(indicator, 2021, "120", ValueRevision.PRELIMINARY);
            value(indicator, 2022, "140", ValueRevision.REVISED);
            indicators.persist(indicator);
            return new PlanData(planId, overdue.id, later.id, open.id, done.id, indicator.id);
        });
    }

    private static PlanTask task(long planId, long sectionId, int ordinal, String title, String lead, List<String> co,
            LocalDate due) {
        PlanTask task = new PlanTask();
        task.planId = planId;
        task.sectionId = sectionId;
        task.ordinal = ordinal;
        task.title = title;
        task.sourceText = title + "。";
        task.leadDepartmentCode = lead;
        task.coDepartmentCodes.addAll(co);
        task.dueDate = due;
        task.status = TaskStatus.ACCEPTED;
        return task;
    }

    private static void value(PlanIndicator indicator, int year, String value, ValueRevision revision) {
        IndicatorValue v = new IndicatorValue();
        v.indicator = indicator;
        v.year = year;
        v.value = new BigDecimal(value);
        v.revision = revision;
        v.source = "市统计局";
        v.reportedBy = "fixtures";
        v.reportedAt = Instant.parse("2023-03-01T00:00:00Z");
        indicator.values.add(v);
    }

    /** A mid-term evaluation of the plan by the organisation, launched through the service under the test's identity. */
    public long launch(long planId, String organisation) {
        return launch(planId, organisation, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 6, 30));
    }

    /** The same for the period given. */
    public long launch(long planId, String organisation, LocalDate periodFrom, LocalDate periodTo) {
        return service.launch("fixture-" + UUID.randomUUID(), new NewEvaluation(planId, EvaluationKind.MID_TERM,
                periodFrom, periodTo, organisation, LocalDate.now().plusDays(30), "chen.jing", null)).evaluation().id();
    }

    public long launchedEvaluation(String organisation) {
        return launch(plan().planId(), organisation);
    }

    public void status(long evaluationId, EvaluationStatus status) {
        QuarkusTransaction.requiringNew().run(() -> evaluations.findById(evaluationId).status = status);
    }

    public Evaluation evaluation(long evaluationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Evaluation e = evaluations.findById(evaluationId);
            evaluations.getEntityManager().detach(e);
            return e;
        });
    }

    /** Report files as if generated from the evaluation's current inputs. */
    public void currentReports(long evaluationId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Evaluation e = evaluations.findById(evaluationId);
            for (ReportFormat format : ReportFormat.values()) {
                EvaluationReport r = reports.findById(new EvaluationReport.Key(evaluationId, format));
                boolean fresh = r == null;
                if (fresh) {
                    r = new EvaluationReport();
                    r.evaluationId = evaluationId;
                    r.format = format;
                }
                r.content = (format + " of evaluation " + evaluationId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                r.size = r.content.length;
                r.sha256 = EvidenceFilesTest.sha256(r.content);
                r.snapshotSha256 = e.snapshotSha256;
                r.inputsRevision = e.inputsRevision;
                r.generatedAt = Instant.now();
                r.generatedBy = "fixtures";
                if (fresh) {
                    reports.persist(r);
                }
            }
        });
    }

    /** Changes the live task after the snapshot: new title and due date, its milestones done. */
    public void changeTask(long taskId) {
        QuarkusTransaction.requiringNew().run(() -> {
            PlanTask t = tasks.findById(taskId);
            t.title = t.title + "（已调整）";
            t.dueDate = LocalDate.of(2098, 1, 1);
            t.status = TaskStatus.COMPLETED;
            t.milestones.forEach(m -> {
                m.status = MilestoneStatus.DONE;
                m.completedOn = LocalDate.of(2023, 1, 1);
            });
        });
    }
}
