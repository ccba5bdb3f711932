package org.luoshi.task.demo.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.TaskRepository;

import io.quarkus.panache.common.Sort;

/**
 * Makes an imported plan look lived-in for a demo: lead and co-departments chosen from each task's wording,
 * milestones around today (some done, some on time, some due soon, some late), the last few tasks (a tenth at most,
 * four at most) left as drafts for the supervisor to assign, and indicator values for the
 * years after the baseline. Only when {@code luoshi.demo.enabled} is true, only on a confirmed plan, once;
 * the plan is labelled demo and every value's source says 演示数据. The same seed gives the same demo.
 */
@ApplicationScoped
public class DemoActivityService {
    private static final Logger LOG = Logger.getLogger(DemoActivityService.class);
    static final String DEMO_SOURCE = "演示数据（非真实统计）";

    /** Wording of a task → the department that would plausibly lead it; first match wins. */
    private static final Map<String, String> LEADS = new LinkedHashMap<>();

    static {
        LEADS.put("人才", "hrss");
        LEADS.put("知识产权", "ipo");
        LEADS.put("金融", "finance-reg");
        LEADS.put("资本", "finance-reg");
        LEADS.put("医药", "health");
        LEADS.put("健康", "health");
        LEADS.put("传染病", "health");
        LEADS.put("高校", "edu");
        LEADS.put("学科", "edu");
        LEADS.put("集成电路", "eit");
        LEADS.put("数字", "eit");
        LEADS.put("人工智能", "eit");
        LEADS.put("软件", "eit");
        LEADS.put("开放", "commerce");
        LEADS.put("国际", "commerce");
        LEADS.put("标准", "market-reg");
        LEADS.put("经费", "fin");
        LEADS.put("怀柔", "huairou");
        LEADS.put("中关村科学城", "haidian");
        LEADS.put("未来科学城", "changping");
        LEADS.put("经济技术开发区", "bda");
        LEADS.put("城市副中心", "tongzhou");
        LEADS.put("京津冀", "drc");
        LEADS.put("科普", "sast");
        LEADS.put("国有企业", "sasac");
        LEADS.put("农业", "agri");
        LEADS.put("碳", "eco-env");
        LEADS.put("交通", "transport");
        LEADS.put("文化", "culture-tourism");
    }

    private static final List<String> DISTRICTS = List.of("haidian", "chaoyang", "changping", "daxing", "shunyi", "tongzhou",
            "huairou", "fengtai", "shijingshan", "xicheng", "dongcheng");

    @ConfigProperty(name = "luoshi.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    PlanRepository plans;

    @Inject
    TaskRepository tasks;

    @Inject
    IndicatorRepository indicators;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Transactional
    public PlanView bringToLife(long planId, long seed) {
        if (!enabled) {
            throw new ResourceNotFoundException("demo data", planId);
        }
        Plan plan = plans.findByIdOptional(planId).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        if (plan.status != PlanStatus.IN_FORCE) {
            throw new ConflictException("plan " + planId + " must be confirmed (in force) before demo activity is added");
        }
        if (plan.demo) {
            throw new ConflictException("plan " + planId + " already has demo activity");
        }
        plan.demo = true;
        Random random = new Random(seed);
        LocalDate today = calendar.today();
        List<PlanTask> planTasks = tasks.list("planId", Sort.by("id"), planId);
        // the plan's last few tasks stay as imported (draft, no department): work for the supervisor's 任务交办
        int drafts = Math.min(4, planTasks.size() / 10);
        int done = 0;
        int late = 0;
        for (PlanTask task : planTasks.subList(0, planTasks.size() - drafts)) {
            assign(task, random);
            int kind = random.nextInt(100);
            boolean accepted = true;
            if (kind < 35) {
                schedule(task, today, -900, -60, 3, 3, random);
                accepted = false;
                done++;
            } else if (kind < 70) {
                schedule(task, today, -400, 800, 4, 2, random);
            } else if (kind < 82) {
                schedule(task, today, -300, 20, 3, 2, random);
            } else if (kind < 95) {
                schedule(task, today, -500, 200, 4, 1, random);
                late++;
            } else {
                // assigned but not yet accepted: what the demo's task-assignment processes are about
                schedule(task, today, 60, 700, 3, 0, random);
                accepted = false;
            }
            task.dueDate = task.milestones.get(task.milestones.size() - 1).dueDate;
            // the completed ones have every milestone done; a task a real process already moved on keeps its state
            if (!task.completeIfAllMilestonesDone() && accepted && task.status == TaskStatus.ASSIGNED) {
                task.acceptBy(task.leadDepartmentCode, "demo", Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
        }
        List<PlanIndicator> planIndicators = indicators.ofPlan(planId);
        for (int i = 0; i < planIndicators.size(); i++) {
            PlanIndicator indicator = planIndicators.get(i);
            // a plan's table of indicators rarely names who answers for each (the sample plan's does not), so the
            // public 责任单位 column stayed empty; the demo names one, as a supervisor does with PUT /api/indicators/{id}
            if (indicator.responsibleDepartmentCode == null) {
                indicator.responsibleDepartmentCode = leadFor(indicator.name);
            }
            reportValues(indicator, plan, i == planIndicators.size() - 1, random);
        }
        plans.flush();
        audit.record("plan.demo-activity-added", "plan", planId, null, java.util.Map.of("seed", seed, "tasks",
                planTasks.size(), "completed", done, "late", late, "drafts", drafts, "indicators", planIndicators.size()));
        LOG.infof("%s added demo activity to plan %d: %d tasks (%d completed, %d late, %d left as drafts), %d indicators",
                callers.current().username(), planId, planTasks.size(), done, late, drafts, planIndicators.size());
        return PlanView.of(plan);
    }

    /** The department a text's subject belongs to (by LEADS), 市科委 (stc-zgc) when none stands out. */
    private static String leadFor(String text) {
        return LEADS.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse("stc-zgc");
    }

    private static void assign(PlanTask task, Random random) {
        String lead = leadFor(task.title + " " + (task.sourceText == null ? "" : task.sourceText));
        task.assignLead(lead);
        task.coDepartmentCodes.clear();
        if (!"stc-zgc".equals(lead)) {
            task.coDepartmentCodes.add("stc-zgc");
        }
        if (random.nextBoolean()) {
            task.coDepartmentCodes.add("drc");
        }
        String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
        if (!district.equals(lead)) {
            task.coDepartmentCodes.add(district);
        }
    }

    /** {@code count} milestones spread from today+fromDays to today+toDays; the first {@code doneCount} done. */
    private static void schedule(PlanTask task, LocalDate today, int fromDays, int toDays, int count, int doneCount,
            Random random) {
        task.milestones.clear();
        String[] steps = { "制定实施方案", "启动建设并完成阶段目标", "完成主体任务", "总结评估并形成报告" };
        int span = toDays - fromDays;
        for (int i = 0; i < count; i++) {
            int offset = fromDays + span * (i + 1) / count - random.nextInt(Math.max(1, span / (count * 3)));
            Milestone m = task.addMilestone(steps[Math.min(i, steps.length - 1)], today.plusDays(offset),
                    i == count - 1 ? "总结报告" : "阶段成果材料", BigDecimal.ONE);
            if (i < doneCount && !m.dueDate.isAfter(today)) {
                m.complete(m.dueDate.minusDays(random.nextInt(10)));
            }
        }
    }

    /**
     * Values for each year after the baseline up to last year: towards the target, with noise; the last indicator
     * drifts away so that the demo shows an "unlikely to meet" warning.
     */
    private void reportValues(PlanIndicator indicator, Plan plan, boolean drifting, Random random) {
        if (indicator.baselineYear == null) {
            indicator.baselineYear = plan.periodStart - 1;
            BigDecimal factor = indicator.comparison == TargetComparison.AT_MOST ? new BigDecimal("1.15") : new BigDecimal("0.82");
            indicator.baselineValue = indicator.targetValue.multiply(factor).setScale(2, RoundingMode.HALF_UP);
        }
        int lastYear = Math.min(calendar.today().getYear() - 1, indicator.targetYear - 1);
        BigDecimal start = indicator.baselineValue;
        BigDecimal step = indicator.targetValue.subtract(start)
                .divide(BigDecimal.valueOf(indicator.targetYear - indicator.baselineYear), 6, RoundingMode.HALF_UP);
        for (int year = indicator.baselineYear + 1; year <= lastYear; year++) {
            int years = year - indicator.baselineYear;
            BigDecimal noise = BigDecimal.valueOf(0.85 + random.nextDouble() * 0.3);
            BigDecimal value = drifting
                    ? start.subtract(step.multiply(BigDecimal.valueOf(years)).multiply(new BigDecimal("0.2")))
                    : start.add(step.multiply(BigDecimal.valueOf(years)).multiply(noise));
            IndicatorValue v = new IndicatorValue();
            v.indicator = indicator;
            v.year = year;
            v.value = value.setScale(2, RoundingMode.HALF_UP);
            v.revision = year == lastYear ? ValueRevision.PRELIMINARY : ValueRevision.REVISED;
            v.source = DEMO_SOURCE;
            v.reportedBy = "demo";
            v.reportedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            indicator.values.add(v);
        }
    }
}
