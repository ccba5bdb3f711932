package org.luoshi.task.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.luoshi.task.evaluation.application.EvaluationPublished;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** A small plan with a chapter, a section, tasks, milestones and an indicator, written straight to the database. */
@ApplicationScoped
public class DisclosureFixtures {
    /** Words that must never reach the public: they name staff, task texts and comments. */
    static final String SECRET_TASK_TITLE = "内部任务标题-不得公开";
    static final String SECRET_REPORTER = "wang.fang.internal";

    @Inject
    PlanRepository plans;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    IndicatorRepository indicators;

    @Inject
    Event<EvaluationPublished> evaluationPublished;

    @Inject
    jakarta.transaction.UserTransaction transaction;

    record SamplePlan(long planId, long openTaskId, long doneTaskId, long indicatorId) {
    }

    SamplePlan plan(PlanStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Plan plan = new Plan();
            plan.title = "公开测试规划 " + System.nanoTime();
            plan.issuingBodies.add("北京市人民政府");
            plan.periodStart = 2021;
            plan.periodEnd = 2025;
            plan.status = status;
            plan.createdAt = Instant.now();
            plan.createdBy = "fixtures";
            plans.persist(plan);

            PlanChapter context = chapter(plan.id, 1, "一", "发展目标", true);
            PlanChapter taskChapter = chapter(plan.id, 2, "二", "强化原始创新", false);
            chapter(plan.id, 3, "三", "尚无任务的一章", false);
            PlanSection section = new PlanSection();
            section.chapterId = taskChapter.id;
            section.ordinal = 1;
            section.number = "（一）";
            section.title = "建设国家实验室";
            sections.persist(section);
            assert context.id != null;

            PlanTask open = task(plan.id, section.id, 1, "haidian", TaskStatus.ACCEPTED);
            open.addMilestone("中期节点", LocalDate.of(2026, 3, 1), null, null);
            PlanTask done = task(plan.id, section.id, 2, "stc-zgc", TaskStatus.COMPLETED);
            task(plan.id, null, null, null, TaskStatus.DRAFT);

            PlanIndicator indicator = new PlanIndicator();
            indicator.planId = plan.id;
            indicator.ordinal = 1;
            indicator.name = "技术合同成交额";
            indicator.unit = "亿元";
            indicator.kind = IndicatorKind.EXPECTED;
            indicator.baselineYear = 2020;
            indicator.baselineValue = new BigDecimal("6316.2");
            indicator.targetYear = 2025;
            indicator.targetValue = new BigDecimal("8000");
            indicator.comparison = TargetComparison.MORE_THAN;
            indicator.responsibleDepartmentCode = "stc-zgc";
            indicators.persist(indicator);
            IndicatorValue value = new IndicatorValue();
            value.indicator = indicator;
            value.year = 2024;
            value.value = new BigDecimal("7800.5");
            value.revision = ValueRevision.PRELIMINARY;
            value.source = "统计公报（内部备注）";
            value.reportedBy = SECRET_REPORTER;
            value.reportedAt = Instant.now();
            indicator.values.add(value);
            return new SamplePlan(plan.id, open.id, done.id, indicator.id);
        });
    }

    /** The supervising office adjusts the target, as through PUT /api/indicators/{id}. */
    void adjustTarget(long indicatorId, String value) {
        QuarkusTransaction.requiringNew().run(() -> indicators.findById(indicatorId)
                .changeTarget(new org.luoshi.task.indicator.domain.Target(2025, new BigDecimal(value), TargetComparison.AT_LEAST)));
    }

    void completeTask(long taskId) {
        QuarkusTransaction.requiringNew().run(() -> {
            PlanTask task = tasks.findById(taskId);
            task.status = TaskStatus.COMPLETED;
            task.completedOn = LocalDate.of(2026, 1, 1);
            task.title = "改过的标题";
        });
    }

    void confirm(long planId) {
        QuarkusTransaction.requiringNew().run(() -> plans.findById(planId).status = PlanStatus.IN_FORCE);
    }

    /** Fires the event as evaluation's publication does: inside a transaction, which commits unless rollback. */
    void fireEvaluationPublished(EvaluationPublished event, boolean rollback) {
        if (!rollback) {
            QuarkusTransaction.requiringNew().run(() -> evaluationPublished.fire(event));
            return;
        }
        try {
            transaction.begin();
            try {
                evaluationPublished.fire(event);
            } finally {
                transaction.rollback();
            }
        } catch (jakarta.transaction.NotSupportedException | jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    static EvaluationPublished.ReportFile file(String filename, String mediaType, byte[] content) {
        return new EvaluationPublished.ReportFile(filename, mediaType, content, sha256(content));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static EvaluationPublished event(long planId, long evaluationId, List<EvaluationPublished.ReportFile> files) {
        return new EvaluationPublished(planId, evaluationId, "测试规划中期评估报告", LocalDate.of(2026, 6, 30), "chen.jing", files);
    }

    private PlanChapter chapter(long planId, int ordinal, String number, String title, boolean context) {
        PlanChapter c = new PlanChapter();
        c.planId = planId;
        c.ordinal = ordinal;
        c.number = number;
        c.title = title;
        c.context = context;
        chapters.persist(c);
        return c;
    }

    private PlanTask task(long planId, Long sectionId, Integer ordinal, String lead, TaskStatus status) {
        PlanTask task = new PlanTask();
        task.planId = planId;
        task.sectionId = sectionId;
        task.ordinal = ordinal;
        task.title = SECRET_TASK_TITLE;
        task.sourceText = SECRET_TASK_TITLE + " 原文";
        task.leadDepartmentCode = lead;
        task.status = status;
        if (status == TaskStatus.COMPLETED) {
            task.completedOn = LocalDate.of(2025, 12, 1);
        }
        tasks.persist(task);
        return task;
    }
}
