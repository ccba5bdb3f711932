package org.luoshi.task.succession.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.evaluation.api.EvaluationView;
import org.luoshi.task.evaluation.application.EvaluationService;
import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.succession.api.CarryOverRequest;
import org.luoshi.task.succession.api.CarryOverView;
import org.luoshi.task.succession.api.ContinuationRequest;
import org.luoshi.task.succession.api.ContinuationView;
import org.luoshi.task.succession.api.LineageView;
import org.luoshi.task.succession.api.SuccessionView;
import org.luoshi.task.succession.domain.BaselinePolicy;
import org.luoshi.task.succession.domain.CarryOver;
import org.luoshi.task.succession.domain.CarryOverPolicy;
import org.luoshi.task.succession.domain.IndicatorContinuation;
import org.luoshi.task.succession.persistence.CarryOverRepository;
import org.luoshi.task.succession.persistence.IndicatorContinuationRepository;
import org.luoshi.task.tracking.application.AdjustmentService;
import org.luoshi.task.tracking.application.PlanStructure;
import org.luoshi.task.tracking.application.TaskService;
import org.luoshi.task.tracking.application.TaskViews;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskRevision;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.TaskRepository;
import org.luoshi.task.tracking.persistence.TaskRevisionRepository;

/**
 * What follows from linking a plan to the plan it succeeds: carrying over or closing the old plan's unfinished tasks,
 * taking the old indicators' latest values as the new ones' baselines, and the succession as the supervising office
 * reads it. Plans are seen as {@code plan} lets the caller; changes are the supervising office's (roles on the resource).
 */
@ApplicationScoped
public class SuccessionService {
    private static final Logger LOG = Logger.getLogger(SuccessionService.class);

    @Inject
    PlanService plans;

    @Inject
    TaskService taskService;

    @Inject
    AdjustmentService adjustments;

    @Inject
    EvaluationService evaluations;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskRevisionRepository revisions;

    @Inject
    IndicatorRepository indicators;

    @Inject
    CarryOverRepository carryOvers;

    @Inject
    IndicatorContinuationRepository continuations;

    @Inject
    CallerFactory callers;

    @Inject
    BusinessCalendar calendar;

    @Inject
    AuditLog audit;

    @Transactional
    public SuccessionView succession(long planId) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        Plan predecessor = plan.predecessorId == null ? null : plans.visiblePlan(plan.predecessorId, caller);
        Plan successor = plans.successorOf(planId, caller).orElse(null);
        SuccessionView.FinalEvaluation finalEvaluation = null;
        List<SuccessionView.OpenTask> unfinished = List.of();
        List<CarryOverView> decided = List.of();
        if (predecessor != null) {
            finalEvaluation = finalEvaluationOf(predecessor.id);
            Map<Long, CarryOver> byTask = carryOvers.ofOldPlan(predecessor.id).stream()
                    .collect(Collectors.toMap(c -> c.oldTaskId, Function.identity()));
            List<PlanTask> open = tasks.list("planId = ?1 and status <> ?2", predecessor.id, TaskStatus.COMPLETED).stream()
                    .filter(t -> !byTask.containsKey(t.id)).toList();
            PlanStructure structure = taskService.structureOf(open);
            unfinished = open.stream().sorted(Comparator.comparingLong(structure::orderKey))
                    .map(t -> new SuccessionView.OpenTask(t.id, structure.reference(t), t.title, t.leadDepartmentCode, t.status))
                    .toList();
            decided = byTask.values().stream().sorted(Comparator.comparing((CarryOver c) -> c.decidedAt)
                    .thenComparing(c -> c.oldTaskId)).map(CarryOverView::of).toList();
        }
        return new SuccessionView(planId, ref(predecessor), ref(successor), finalEvaluation, unfinished, decided,
                continuationsOf(planId));
    }

    /** The old plan's final evaluation readable by the caller: an approved or published one first, the newest first. */
    private SuccessionView.FinalEvaluation finalEvaluationOf(long oldPlanId) {
        return evaluations.list(oldPlanId).stream().filter(e -> e.kind() == EvaluationKind.FINAL)
                .sorted(Comparator.comparing((EvaluationView e) -> !(e.status() == EvaluationStatus.APPROVED
                        || e.status() == EvaluationStatus.PUBLISHED)))
                .findFirst()
                .map(e -> new SuccessionView.FinalEvaluation(e.id(), e.status(), e.organisation(), e.findings(),
                        e.recommendations(), e.publishedAt()))
                .orElse(null);
    }

    /**
     * Carries tasks of the predecessor into this plan or closes them with a reason. Every item is checked first; any
     * item that cannot be decided refuses the whole request, naming every such item, and nothing changes.
     */
    @Transactional
    public List<CarryOverView> carryOver(long planId, CarryOverRequest request) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        long predecessorId = requirePredecessor(plan);
        List<Long> ids = request.items().stream().map(CarryOverRequest.Item::taskId).toList();
        Map<Long, PlanTask> found = tasks.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        Map<Long, CarryOver> earlier = carryOvers.list("oldTaskId in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.oldTaskId, Function.identity()));
        List<CarryOverRefused.Item> refused = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            CarryOverRequest.Item item = request.items().get(i);
            if (item.action() == CarryOverRequest.Action.CLOSE && (item.reason() == null || item.reason().isBlank())) {
                throw new InvalidFieldException("items[" + i + "].reason", "a task is closed with a reason",
                        org.luoshi.common.problem.ViolationCodes.REQUIRED);
            }
            PlanTask task = found.get(item.taskId());
            if (!seen.add(item.taskId())) {
                refused.add(new CarryOverRefused.Item(i, item.taskId(), CarryOverPolicy.LISTED_TWICE,
                        "task " + item.taskId() + " is listed twice"));
                continue;
            }
            int index = i;
            CarryOverPolicy.refusal(item.taskId(), task == null ? null : task.planId, task == null ? null : task.status,
                    predecessorId, earlier.get(item.taskId()))
                    .ifPresent(r -> refused.add(new CarryOverRefused.Item(index, item.taskId(), r.code(), r.message())));
        }
        if (!refused.isEmpty()) {
            throw new CarryOverRefused(refused);
        }
        PlanStructure structure = taskService.structureOf(new ArrayList<>(found.values()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<CarryOverView> done = new ArrayList<>();
        for (CarryOverRequest.Item item : request.items()) {
            PlanTask old = found.get(item.taskId());
            String reference = structure.reference(old);
            String reason = item.reason() == null || item.reason().isBlank() ? null : item.reason().strip();
            CarryOver decision;
            if (item.action() == CarryOverRequest.Action.CARRY) {
                PlanTask next = old.carryInto(planId);
                tasks.persist(next);
                decision = CarryOver.carried(old.id, predecessorId, planId, next.id, reference, old.leadDepartmentCode,
                        reason, caller.username(), now);
            } else {
                decision = CarryOver.closed(old.id, predecessorId, planId, reference, old.leadDepartmentCode, reason,
                        caller.username(), now);
            }
            carryOvers.persist(decision);
            CarryOverView view = CarryOverView.of(decision);
            audit.record(decision.newTaskId == null ? "task.closed-at-succession" : "task.carried-over", "task", old.id,
                    null, view);
            done.add(view);
        }
        carryOvers.flush();
        LOG.infof("%s decided %d tasks of plan %d for its successor %d", caller.username(), done.size(), predecessorId,
                planId);
        return done;
    }

    /** Where a carried task came from, for whoever may read the new task; 404 for a task that was not carried. */
    @Transactional
    public LineageView lineage(long taskId) {
        TaskView task = taskService.get(taskId);
        CarryOver from = carryOvers.find("newTaskId", task.id()).firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("lineage of task", taskId));
        PlanTask old = tasks.findById(from.oldTaskId);
        TaskView oldView = TaskViews.of(old, taskService.structureOf(List.of(old)), calendar.today());
        List<TaskRevisionView> history = revisions.list("taskId = ?1 order by revision", old.id).stream()
                .map((TaskRevision r) -> adjustments.view(r)).toList();
        String oldTitle = old.plan == null ? null : old.plan.title;
        return new LineageView(task.id(), CarryOverView.of(from), oldTitle, oldView, history);
    }

    /**
     * Pairs indicators of this plan with those of its predecessor (given, or by the same name) and sets each new one's
     * baseline to the old one's latest value. By name, old indicators without a value yet are left for later; a given
     * pair whose old indicator has no value, or one already continued, is refused naming the item; nothing changes then.
     */
    @Transactional
    public List<ContinuationView> continueIndicators(long planId, ContinuationRequest request) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        long predecessorId = requirePredecessor(plan);
        Map<Long, PlanIndicator> mine = indicators.ofPlan(planId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<Long, PlanIndicator> theirs = indicators.ofPlan(predecessorId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        Map<Long, IndicatorContinuation> existing = new HashMap<>();
        continuations.list("indicatorId in ?1 or previousIndicatorId in ?2", mine.keySet().isEmpty() ? Set.of(-1L) : mine.keySet(),
                theirs.keySet().isEmpty() ? Set.of(-1L) : theirs.keySet()).forEach(c -> existing.put(c.indicatorId, c));
        Set<Long> previousTaken = existing.values().stream().map(c -> c.previousIndicatorId).collect(Collectors.toSet());

        List<ContinuationRequest.Pair> pairs;
        boolean byName = request == null || request.items() == null || request.items().isEmpty();
        if (byName) {
            Map<String, PlanIndicator> oldByName = new HashMap<>();
            theirs.values().forEach(i -> oldByName.putIfAbsent(i.name.strip(), i));
            pairs = mine.values().stream().sorted(Comparator.comparingInt(i -> i.ordinal))
                    .filter(i -> !existing.containsKey(i.id))
                    .filter(i -> oldByName.containsKey(i.name.strip()))
                    .filter(i -> !previousTaken.contains(oldByName.get(i.name.strip()).id))
                    // an old indicator without any value has no baseline to give yet: paired once it has one
                    .filter(i -> BaselinePolicy.latest(oldByName.get(i.name.strip()).values).isPresent())
                    .map(i -> new ContinuationRequest.Pair(i.id, oldByName.get(i.name.strip()).id)).toList();
        } else {
            pairs = request.items();
        }
        for (int i = 0; i < pairs.size(); i++) {
            ContinuationRequest.Pair pair = pairs.get(i);
            String prefix = "items[" + i + "].";
            if (!mine.containsKey(pair.indicatorId())) {
                throw new InvalidFieldException(prefix + "indicatorId", "plan " + planId + " has no indicator " + pair.indicatorId());
            }
            PlanIndicator previous = theirs.get(pair.previousIndicatorId());
            if (previous == null) {
                throw new InvalidFieldException(prefix + "previousIndicatorId", "plan " + predecessorId
                        + ", the plan this one succeeds, has no indicator " + pair.previousIndicatorId());
            }
            if (existing.containsKey(pair.indicatorId()) || previousTaken.contains(pair.previousIndicatorId())) {
                throw new ConflictException("indicator.already-continued", prefix.substring(0, prefix.length() - 1)
                        + ": indicator " + pair.indicatorId() + " or " + pair.previousIndicatorId()
                        + " is already part of a continuation");
            }
            if (BaselinePolicy.latest(previous.values).isEmpty()) {
                throw new InvalidFieldException(prefix + "previousIndicatorId", "indicator " + previous.id + " ('"
                        + previous.name + "') has no value yet to take as a baseline");
            }
            if (pairs.stream().filter(p -> Objects.equals(p.indicatorId(), pair.indicatorId())
                    || Objects.equals(p.previousIndicatorId(), pair.previousIndicatorId())).count() > 1) {
                throw new InvalidFieldException(prefix + "indicatorId", "each indicator is paired once");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ContinuationView> made = new ArrayList<>();
        for (ContinuationRequest.Pair pair : pairs) {
            PlanIndicator next = mine.get(pair.indicatorId());
            PlanIndicator previous = theirs.get(pair.previousIndicatorId());
            IndicatorValue latest = BaselinePolicy.latest(previous.values).orElseThrow();
            next.takeBaseline(latest.year, latest.value);
            IndicatorContinuation c = new IndicatorContinuation();
            c.indicatorId = next.id;
            c.previousIndicatorId = previous.id;
            c.baselineYear = latest.year;
            c.baselineValue = latest.value;
            c.baselineRevision = latest.revision;
            c.baselineSource = latest.source;
            c.linkedBy = caller.username();
            c.linkedAt = now;
            continuations.persist(c);
            ContinuationView view = ContinuationView.of(c, next.name);
            audit.record("indicator.continued", "indicator", next.id, null, view);
            made.add(view);
        }
        continuations.flush();
        LOG.infof("%s continued %d indicators of plan %d in plan %d", caller.username(), made.size(), predecessorId, planId);
        return made;
    }

    /** The continuations of a plan's indicators, in the indicators' order. */
    public List<ContinuationView> continuationsOf(long planId) {
        Map<Long, PlanIndicator> mine = indicators.ofPlan(planId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        if (mine.isEmpty()) {
            return List.of();
        }
        return continuations.list("indicatorId in ?1", mine.keySet()).stream()
                .sorted(Comparator.comparingInt(c -> mine.get(c.indicatorId).ordinal))
                .map(c -> ContinuationView.of(c, mine.get(c.indicatorId).name)).toList();
    }

    private static long requirePredecessor(Plan plan) {
        if (plan.predecessorId == null) {
            throw new ConflictException("plan.no-predecessor", "plan " + plan.id + " succeeds no plan: link it first "
                    + "(PUT /api/plans/" + plan.id + "/predecessor)");
        }
        return plan.predecessorId;
    }

    private static SuccessionView.PlanRef ref(Plan p) {
        return p == null ? null : new SuccessionView.PlanRef(p.id, p.title, p.periodStart, p.periodEnd, p.status);
    }
}
