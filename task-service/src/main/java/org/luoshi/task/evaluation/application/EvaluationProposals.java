package org.luoshi.task.evaluation.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.evaluation.api.FindingItems;
import org.luoshi.task.evaluation.api.ProposalDecision;
import org.luoshi.task.evaluation.api.ProposalView;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationFinding;
import org.luoshi.task.evaluation.domain.EvaluationProposal;
import org.luoshi.task.evaluation.domain.ProposalPolicy;
import org.luoshi.task.evaluation.domain.ProposalStatus;
import org.luoshi.task.evaluation.persistence.EvaluationFindingRepository;
import org.luoshi.task.evaluation.persistence.EvaluationProposalRepository;
import org.luoshi.task.evaluation.persistence.EvaluationRepository;
import org.luoshi.task.indicator.domain.IndicatorOutlook;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.application.AdjustmentService;
import org.luoshi.task.tracking.application.PlanStructure;
import org.luoshi.task.tracking.application.TaskService;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.persistence.TaskRepository;
import org.luoshi.task.tracking.persistence.TaskRevisionRepository;

/**
 * From findings to adjustments: the evaluator's findings one by one, each naming the task or indicator it is about;
 * on approval ({@link EvaluationService#review}) those about a task behind schedule or an indicator unlikely to be met
 * become proposals ({@link ProposalPolicy}); the supervising office decides each (a 动态调整 started, or declined
 * with the reason). Decisions are recorded in the evaluation's audit trail.
 */
@ApplicationScoped
public class EvaluationProposals {
    private static final Logger LOG = Logger.getLogger(EvaluationProposals.class);

    /**
     * workflow-service applies a 动态调整 under the key {@code <processInstanceId>:applyAdjustment}: the revisions
     * whose key starts with the process id are the adjustments that followed from it.
     */
    private static final String ADJUSTMENT_KEY_SEPARATOR = ":";
    /** The operation a decision's Idempotency-Key is recorded for. */
    static final String DECIDE = "decide-proposal";

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationRepository evaluationRepository;

    @Inject
    EvaluationFindingRepository findings;

    @Inject
    EvaluationProposalRepository proposals;

    @Inject
    TaskRepository tasks;

    @Inject
    TaskService taskService;

    @Inject
    TaskRevisionRepository revisions;

    @Inject
    AdjustmentService adjustments;

    @Inject
    IndicatorRepository indicators;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    KeyedWrites keyedWrites;

    @Transactional
    public List<FindingItems.View> findingItems(long evaluationId) {
        Evaluation evaluation = evaluations.visible(evaluationId, callers.current(), false);
        return findings.ofEvaluation(evaluation.id).stream().map(EvaluationProposals::view).toList();
    }

    /** The evaluator replaces the findings list; each task and indicator named must be the evaluated plan's. */
    @Transactional
    public List<FindingItems.View> replaceFindingItems(long evaluationId, FindingItems request) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.ownWork(evaluationId, caller, null);
        evaluation.requireEditable("findings");
        for (int i = 0; i < request.items().size(); i++) {
            FindingItems.Item item = request.items().get(i);
            if (item.taskId() != null && tasks.findByIdOptional(item.taskId())
                    .filter(t -> t.planId.equals(evaluation.planId)).isEmpty()) {
                throw new InvalidFieldException("items[" + i + "].taskId", "plan " + evaluation.planId + " has no task "
                        + item.taskId());
            }
            if (item.indicatorId() != null && indicators.findByIdOptional(item.indicatorId())
                    .filter(x -> x.planId.equals(evaluation.planId)).isEmpty()) {
                throw new InvalidFieldException("items[" + i + "].indicatorId", "plan " + evaluation.planId
                        + " has no indicator " + item.indicatorId());
            }
        }
        List<FindingItems.View> before = findings.ofEvaluation(evaluationId).stream().map(EvaluationProposals::view).toList();
        findings.delete("evaluationId", evaluationId);
        findings.flush();
        int ordinal = 0;
        for (FindingItems.Item item : request.items()) {
            EvaluationFinding f = new EvaluationFinding();
            f.evaluationId = evaluationId;
            f.ordinal = ++ordinal;
            f.text = item.text().strip();
            f.taskId = item.taskId();
            f.indicatorId = item.indicatorId();
            findings.persist(f);
        }
        evaluation.inputsChanged();
        findings.flush();
        List<FindingItems.View> after = findings.ofEvaluation(evaluationId).stream().map(EvaluationProposals::view).toList();
        audit.record("evaluation.finding-items-changed", "evaluation", evaluationId, before, after);
        LOG.infof("%s set %d findings of evaluation %d", caller.username(), after.size(), evaluationId);
        return after;
    }

    /**
     * The approval's consequence, in its transaction: each finding about a task behind schedule or an indicator
     * unlikely to be met, as of today, becomes an open proposal. Raised once per evaluation.
     */
    void raise(Evaluation evaluation) {
        if (proposals.count("evaluationId", evaluation.id) > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int year = calendar.today().getYear();
        int raised = 0;
        for (EvaluationFinding f : findings.ofEvaluation(evaluation.id)) {
            StatusLight light = f.taskId == null ? null
                    : tasks.findByIdOptional(f.taskId).map(t -> StatusLightPolicy.of(t, calendar.today())).orElse(null);
            IndicatorOutlook outlook = f.indicatorId == null ? null
                    : indicators.findByIdOptional(f.indicatorId).map(i -> i.toRule().assess(year).outlook()).orElse(null);
            var ground = ProposalPolicy.ground(light, outlook);
            if (ground.isPresent()) {
                proposals.persist(EvaluationProposal.of(f, ground.get(), now));
                raised++;
            }
        }
        proposals.flush();
        if (raised > 0) {
            audit.record("evaluation.proposals-raised", "evaluation", evaluation.id, null, Map.of("proposals", raised));
        }
        LOG.infof("evaluation %d approved: %d of its findings became proposals", evaluation.id, raised);
    }

    /** The proposals of an evaluation the caller sees. */
    @Transactional
    public List<ProposalView> ofEvaluation(long evaluationId) {
        Evaluation evaluation = evaluations.visible(evaluationId, callers.current(), false);
        return views(proposals.ofEvaluation(evaluation.id));
    }

    /** The supervising office's inbox of proposals (the resource admits only the office, admins and the engine). */
    @Transactional
    public List<ProposalView> withStatus(ProposalStatus status) {
        return views(proposals.withStatus(status));
    }

    /**
     * The decided proposals of a plan's evaluations, oldest decision first: what the next status snapshot discloses.
     * No caller check: only the publication, a system step, asks.
     */
    @Transactional
    public List<ProposalView> decidedOfPlan(long planId) {
        return views(proposals.list("status <> ?1 and evaluationId in (select e.id from Evaluation e where e.planId = ?2)"
                + " order by decidedAt, id", ProposalStatus.OPEN, planId));
    }

    @Transactional
    public ProposalView get(long id) {
        return views(List.of(proposal(id))).get(0);
    }

    /**
     * Records the office's decision once: ADJUST names the 动态调整 started (and the task, for an indicator's), DECLINE a
     * reason. A repeat with the same key answers the proposal as decided.
     */
    @Transactional
    public ProposalView decide(long id, String idempotencyKey, ProposalDecision decision) {
        keyedWrites.open(KeyedWrites.HEADER, "idempotency-key", idempotencyKey);
        Caller caller = callers.current();
        if (keyedWrites.earlier(idempotencyKey, DECIDE, id).isPresent()) {
            LOG.infof("%s repeated decision %s on proposal %d: recorded already", caller.username(), idempotencyKey, id);
            return get(id);
        }
        EvaluationProposal proposal = proposal(id);
        ProposalView before = get(id);
        Checked checked = check(proposal, decision, true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (decision.decision() == ProposalDecision.Decision.ADJUST) {
            proposal.adjustmentStarted(decision.adjustmentProcessId().strip(), checked.taskId(), checked.by(), now);
        } else {
            proposal.decline(decision.reason().strip(), checked.by(), now);
        }
        keyedWrites.record(idempotencyKey, DECIDE, id, now);
        proposals.flush();
        ProposalView after = get(id);
        audit.record("evaluation.proposal-decided", "evaluation", proposal.evaluationId, before, after);
        LOG.infof("%s recorded that %s decided proposal %d of evaluation %d: %s [%s]", caller.username(), checked.by(), id,
                proposal.evaluationId, proposal.status, idempotencyKey);
        return after;
    }

    /** What {@link #decide} would refuse, refused now (the 动态调整 is started after this check: its id is not asked). */
    @Transactional
    public void validate(long id, ProposalDecision decision) {
        check(proposal(id), decision, false);
    }

    private record Checked(Long taskId, String by) {
    }

    private Checked check(EvaluationProposal proposal, ProposalDecision decision, boolean started) {
        proposal.requireOpen();
        if (decision.decidedBy() == null || decision.decidedBy().isBlank()) {
            throw new InvalidFieldException("decidedBy", "the person of the office who decided is required",
                    ViolationCodes.REQUIRED);
        }
        String by = decision.decidedBy().strip();
        if (decision.decision() == ProposalDecision.Decision.DECLINE) {
            if (decision.reason() == null || decision.reason().isBlank()) {
                throw new InvalidFieldException("reason", "say why no adjustment follows", ViolationCodes.REQUIRED);
            }
            return new Checked(null, by);
        }
        if (started && (decision.adjustmentProcessId() == null || decision.adjustmentProcessId().isBlank())) {
            throw new InvalidFieldException("adjustmentProcessId", "the 动态调整 started for the proposal is required",
                    ViolationCodes.REQUIRED);
        }
        Long taskId = decision.taskId() != null ? decision.taskId() : proposal.taskId;
        if (taskId == null) {
            throw new InvalidFieldException("taskId", "the proposal names no task: name the task adjusted",
                    ViolationCodes.REQUIRED);
        }
        Evaluation evaluation = evaluationRepository.findById(proposal.evaluationId);
        if (tasks.findByIdOptional(taskId).filter(t -> t.planId.equals(evaluation.planId)).isEmpty()) {
            throw new InvalidFieldException("taskId", "plan " + evaluation.planId + " has no task " + taskId);
        }
        return new Checked(taskId, by);
    }

    private EvaluationProposal proposal(long id) {
        return proposals.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("proposal", id));
    }

    private List<ProposalView> views(List<EvaluationProposal> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, EvaluationFinding> findingById = findings.list("id in ?1", list.stream().map(p -> p.findingId).toList())
                .stream().collect(Collectors.toMap(f -> f.id, Function.identity()));
        Map<Long, Evaluation> evaluationById = evaluationRepository.list("id in ?1",
                list.stream().map(p -> p.evaluationId).distinct().toList()).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        List<Long> taskIds = list.stream().flatMap(p -> java.util.stream.Stream.of(p.taskId, p.adjustedTaskId))
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, PlanTask> taskById = taskIds.isEmpty() ? Map.of() : tasks.list("id in ?1", taskIds).stream()
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        PlanStructure structure = taskService.structureOf(new ArrayList<>(taskById.values()));
        List<ProposalView> views = new ArrayList<>();
        for (EvaluationProposal p : list) {
            EvaluationFinding f = findingById.get(p.findingId);
            Evaluation e = evaluationById.get(p.evaluationId);
            PlanTask task = p.taskId == null ? null : taskById.get(p.taskId);
            PlanIndicator indicator = p.indicatorId == null ? null : indicators.findById(p.indicatorId);
            String justification = e.kind.reportTitle() + "发现" + f.ordinal + "：" + f.text;
            var followed = p.adjustmentProcessId == null ? List.<org.luoshi.task.tracking.api.TaskRevisionView>of()
                    : revisions.list("taskId = ?1 and adjustmentKey like ?2 order by revision", p.adjustedTaskId,
                            p.adjustmentProcessId + ADJUSTMENT_KEY_SEPARATOR + "%").stream().map(adjustments::view).toList();
            views.add(new ProposalView(p.id, p.evaluationId, e.kind, e.planId, f.ordinal, f.text, justification, p.ground,
                    p.taskId, task == null ? null : structure.reference(task), task == null ? null : task.title,
                    p.indicatorId, indicator == null ? null : indicator.name, p.status, p.adjustmentProcessId,
                    p.adjustedTaskId, p.reason, p.decidedBy, p.decidedAt, followed, p.version));
        }
        return views;
    }

    private static FindingItems.View view(EvaluationFinding f) {
        return new FindingItems.View(f.id, f.ordinal, f.text, f.taskId, f.indicatorId);
    }
}
