package org.luoshi.task.evaluation.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.evaluation.api.EvaluationOrganisationView;
import org.luoshi.task.evaluation.api.EvaluationReviewRequest;
import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.evaluation.api.EvaluationTransition;
import org.luoshi.task.evaluation.api.EvaluationView;
import org.luoshi.task.evaluation.api.NewEvaluation;
import org.luoshi.task.evaluation.application.EvaluationRubrics;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationAccessPolicy;
import org.luoshi.task.evaluation.domain.EvaluationOrganisation;
import org.luoshi.task.evaluation.domain.EvaluationReport;
import org.luoshi.task.evaluation.domain.EvaluationSelfAssessment;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.evaluation.domain.ReportFormat;
import org.luoshi.task.evaluation.domain.Rubric;
import org.luoshi.task.evaluation.domain.RubricPolicy;
import org.luoshi.task.evaluation.persistence.EvaluationOrganisationRepository;
import org.luoshi.task.evaluation.persistence.EvaluationReportRepository;
import org.luoshi.task.evaluation.persistence.EvaluationRepository;
import org.luoshi.task.evaluation.persistence.EvaluationScoreRepository;
import org.luoshi.task.evaluation.persistence.EvaluationSelfAssessmentRepository;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.persistence.TaskRepository;

/**
 * 第三方评估: launching an evaluation (its scope and frozen snapshot), reading it as the caller may, and the
 * transitions workflow-service makes (submission, review). Scores, findings and self-assessments are in
 * {@link EvaluationScoringService}, reports and publication in {@link EvaluationReportService}.
 */
@ApplicationScoped
public class EvaluationService {
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    static final String LAUNCH = "launch-evaluation";

    @Inject
    EvaluationRepository evaluations;

    @Inject
    EvaluationOrganisationRepository organisations;

    @Inject
    EvaluationSelfAssessmentRepository selfAssessments;

    @Inject
    EvaluationScoreRepository scores;

    @Inject
    EvaluationReportRepository reports;

    @Inject
    KeyedWrites keyedWrites;

    @Inject
    PlanRepository plans;

    @Inject
    EvaluationSnapshots snapshots;

    @Inject
    EvaluationRubrics rubrics;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    EvaluationProposals proposals;

    @Inject
    BusinessCalendar calendar;

    @Inject
    TaskRepository tasks;

    public List<EvaluationOrganisationView> organisations() {
        return organisations.listOrdered().stream().map(EvaluationOrganisationView::of).toList();
    }

    public Rubric defaultRubric() {
        return rubrics.defaultRubric();
    }

    /** The evaluation and whether this call created it (false for a repeat of the same Idempotency-Key). */
    public record Launched(EvaluationView evaluation, boolean created) {
    }

    /**
     * Launches an evaluation: checks the request, takes the departments in scope and freezes the snapshot. Sent by a
     * process step that may be retried: the same Idempotency-Key again answers the evaluation it created.
     */
    @Transactional
    public Launched launch(String idempotencyKey, NewEvaluation request) {
        keyedWrites.open(KeyedWrites.HEADER, "idempotency-key", idempotencyKey);
        Caller caller = callers.current();
        Optional<Long> earlier = keyedWrites.earlier(idempotencyKey, LAUNCH, null);
        if (earlier.isPresent()) {
            LOG.infof("%s repeated launch %s: evaluation %d exists, nothing changed", caller.username(), idempotencyKey,
                    earlier.get());
            return new Launched(view(evaluations.findById(earlier.get())), false);
        }
        Checked checked = check(request);
        Plan plan = checked.plan();
        EvaluationOrganisation organisation = checked.organisation();
        Rubric rubric = checked.rubric();
        LocalDate today = checked.today();

        EvaluationSnapshots.Frozen frozen = snapshots.freeze(plan, new EvaluationSnapshot.Scope(request.kind(),
                request.periodFrom(), request.periodTo(), organisation.code, organisation.nameZh), today);
        if (frozen.departmentCodes().isEmpty()) {
            throw new InvalidFieldException("planId", "plan " + plan.id + " has no task assigned to a department yet: "
                    + "there is nobody to evaluate");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Evaluation evaluation = new Evaluation();
        evaluation.planId = plan.id;
        evaluation.kind = request.kind();
        evaluation.periodFrom = request.periodFrom();
        evaluation.periodTo = request.periodTo();
        evaluation.organisationCode = organisation.code;
        evaluation.selfAssessmentDue = request.selfAssessmentDue();
        evaluation.rubric = rubrics.write(rubric);
        evaluation.snapshot = frozen.text();
        evaluation.snapshotSha256 = frozen.sha256();
        evaluation.snapshotDate = today;
        evaluation.launchedBy = request.launchedBy().strip();
        evaluation.launchedAt = now;
        evaluations.persistAndFlush(evaluation);
        for (String code : frozen.departmentCodes()) {
            EvaluationSelfAssessment missing = new EvaluationSelfAssessment();
            missing.evaluationId = evaluation.id;
            missing.departmentCode = code;
            selfAssessments.persist(missing);
        }
        keyedWrites.record(idempotencyKey, LAUNCH, evaluation.id, now);
        selfAssessments.flush();
        EvaluationView view = view(evaluation);
        audit.record("evaluation.launched", "evaluation", evaluation.id, null, view);
        LOG.infof("%s launched %s evaluation %d of plan %d for %s (launched by %s): %d departments, snapshot %s [%s]",
                caller.username(), request.kind(), evaluation.id, plan.id, organisation.code, evaluation.launchedBy,
                frozen.departmentCodes().size(), frozen.sha256(), idempotencyKey);
        return new Launched(view, true);
    }

    /** What a valid launch request names, looked up. */
    private record Checked(Plan plan, EvaluationOrganisation organisation, Rubric rubric, LocalDate today) {
    }

    /**
     * Answers whether {@link #launch} would accept the request, without launching: workflow-service calls it before it
     * starts 规划实施评估, so that what would be refused later is refused synchronously, naming the field.
     */
    @Transactional
    public void validate(NewEvaluation request) {
        Checked checked = check(request);
        if (tasks.count("planId = ?1 and leadDepartmentCode is not null", checked.plan().id) == 0) {
            throw new InvalidFieldException("planId", "plan " + checked.plan().id + " has no task assigned to a department "
                    + "yet: there is nobody to evaluate");
        }
    }

    /** The rules of a launch that do not need the snapshot: the same for {@link #launch} and {@link #validate}. */
    private Checked check(NewEvaluation request) {
        Plan plan = plans.findByIdOptional(request.planId())
                .orElseThrow(() -> new InvalidFieldException("planId", "no plan has the id " + request.planId()));
        if (plan.status == PlanStatus.DRAFT) {
            throw new InvalidFieldException("planId", "plan " + plan.id + " is a draft: confirm it before evaluating it");
        }
        if (request.periodTo().isBefore(request.periodFrom())) {
            throw new InvalidFieldException("periodTo", "must not be before periodFrom (" + request.periodFrom() + ")");
        }
        EvaluationOrganisation organisation = organisations.findByIdOptional(request.organisation())
                .orElseThrow(() -> new InvalidFieldException("organisation",
                        "no evaluation organisation has the code '" + request.organisation() + "'"));
        LocalDate today = calendar.today();
        if (request.selfAssessmentDue().isBefore(today)) {
            throw new InvalidFieldException("selfAssessmentDue", "must not be before today (" + today + ")");
        }
        Rubric rubric = request.rubric() == null ? rubrics.defaultRubric() : request.rubric();
        RubricPolicy.check(rubric, "rubric").ifPresent(v -> {
            throw new InvalidFieldException(v.field(), v.message());
        });

        return new Checked(plan, organisation, rubric, today);
    }

    @Transactional
    public List<EvaluationView> list(Long planId) {
        Caller caller = callers.current();
        List<Evaluation> all = evaluations.listNewestFirst(planId);
        Map<Long, List<String>> departments = selfAssessments.departmentsOf(all.stream().map(e -> e.id).toList());
        return all.stream()
                .filter(e -> EvaluationAccessPolicy.canSee(caller, e, departments.getOrDefault(e.id, List.of())))
                .map(this::view).toList();
    }

    @Transactional
    public EvaluationView get(long id) {
        return view(visible(id, callers.current(), false));
    }

    /** The frozen snapshot, byte for byte the text its SHA-256 was taken over. */
    @Transactional
    public String snapshot(long id) {
        Caller caller = callers.current();
        Evaluation evaluation = visible(id, caller, false);
        if (!EvaluationAccessPolicy.canSeeEvidenceBase(caller, evaluation)) {
            throw new ResourceNotFoundException("snapshot of evaluation", id);
        }
        return evaluation.snapshot;
    }

    /** The evaluator has submitted the report for review: it must be current. A repeat changes nothing. */
    @Transactional
    public EvaluationView submit(long id, EvaluationTransition request) {
        Caller caller = callers.current();
        Evaluation evaluation = visible(id, caller, true);
        if (evaluation.status == EvaluationStatus.IN_REVIEW) {
            LOG.infof("%s repeated the submission of evaluation %d: already in review", caller.username(), id);
            return view(evaluation);
        }
        EvaluationView before = view(evaluation);
        evaluation.submit(reportsCurrent(evaluation),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        evaluations.flush();
        EvaluationView after = view(evaluation);
        audit.record("evaluation.submitted", "evaluation", id, before, after);
        LOG.infof("%s submitted evaluation %d for review (by %s)", caller.username(), id, by(request, caller));
        return after;
    }

    /** The supervising office approved or returned the evaluation. A repeat of the decision taken changes nothing. */
    @Transactional
    public EvaluationView review(long id, EvaluationReviewRequest request) {
        Caller caller = callers.current();
        Evaluation evaluation = visible(id, caller, true);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        boolean approve = request.decision() == EvaluationReviewRequest.Decision.APPROVE;
        if (!approve && comment == null) {
            throw new InvalidFieldException("comment", "a return needs a comment saying what to change", ViolationCodes.REQUIRED);
        }
        EvaluationStatus target = approve ? EvaluationStatus.APPROVED : EvaluationStatus.RETURNED;
        if (evaluation.status == target && request.decision().name().equals(evaluation.reviewDecision)) {
            LOG.infof("%s repeated the review %s of evaluation %d: already decided", caller.username(), request.decision(), id);
            return view(evaluation);
        }
        EvaluationView before = view(evaluation);
        evaluation.review(approve, request.decision().name(), comment, request.decidedBy().strip(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        evaluations.flush();
        if (approve) {
            proposals.raise(evaluation);
        }
        EvaluationView after = view(evaluation);
        audit.record("evaluation.reviewed", "evaluation", id, before, after);
        LOG.infof("%s recorded that %s decided %s on evaluation %d", caller.username(), evaluation.reviewedBy,
                request.decision(), id);
        return after;
    }

    // ------------------------------------------------------------------------------------------- shared

    /**
     * The evaluation, if the caller may see it (404 otherwise, also for another organisation's evaluator); locked for
     * a change so that changes of one evaluation apply one after the other.
     */
    Evaluation visible(long id, Caller caller, boolean forChange) {
        Optional<Evaluation> found = forChange ? evaluations.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                : evaluations.findByIdOptional(id);
        return found.filter(e -> EvaluationAccessPolicy.canSee(caller, e, departmentsOf(e)))
                .orElseThrow(() -> new ResourceNotFoundException("evaluation", id));
    }

    /** For the evaluator's own work: only an evaluator of the evaluation's organisation (everybody else: 404). */
    Evaluation ownWork(long id, Caller caller, Integer expectedVersion) {
        Evaluation evaluation = visible(id, caller, true);
        if (!EvaluationAccessPolicy.isItsEvaluator(caller, evaluation)) {
            throw new ResourceNotFoundException("evaluation", id);
        }
        if (expectedVersion != null && evaluation.version != expectedVersion) {
            throw new PreconditionFailedException("evaluation " + id + " changed since version " + expectedVersion
                    + "; it is now version " + evaluation.version + ": read it again");
        }
        return evaluation;
    }

    List<String> departmentsOf(Evaluation evaluation) {
        return selfAssessments.departmentsOf(List.of(evaluation.id)).getOrDefault(evaluation.id, List.of());
    }

    boolean reportsCurrent(Evaluation evaluation) {
        List<EvaluationReport> made = reports.ofEvaluation(evaluation.id);
        return made.size() == ReportFormat.values().length
                && made.stream().allMatch(r -> r.inputsRevision == evaluation.inputsRevision);
    }

    Rubric rubricOf(Evaluation evaluation) {
        return rubrics.read(evaluation.rubric);
    }

    EvaluationView view(Evaluation e) {
        Plan plan = plans.findById(e.planId);
        String organisationName = organisations.findByIdOptional(e.organisationCode).map(o -> o.nameZh).orElse(null);
        Rubric rubric = rubricOf(e);
        RubricPolicy.Result result = RubricPolicy.total(rubric, scores.ofEvaluation(e.id).stream()
                .map(s -> new RubricPolicy.Scored(s.subjectKind, s.subjectRef, s.criterion, s.score)).toList());
        BigDecimal total = result.total();
        return new EvaluationView(e.id, e.planId, plan == null ? null : plan.title, e.kind, e.periodFrom, e.periodTo,
                e.organisationCode, organisationName, e.selfAssessmentDue, e.status, departmentsOf(e), e.snapshotSha256,
                e.snapshotDate, rubric, e.findings, e.recommendations, total, result.grade(), reportsCurrent(e), e.launchedBy,
                e.launchedAt, e.submittedAt, e.reviewDecision, e.reviewComment, e.reviewedBy, e.reviewedAt, e.publishedBy,
                e.publishedAt, e.version);
    }

    static String by(EvaluationTransition request, Caller caller) {
        return request == null || request.by() == null || request.by().isBlank() ? caller.username() : request.by().strip();
    }
}
