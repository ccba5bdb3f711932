package org.luoshi.task.evaluation.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.evaluation.api.EvaluationFindings;
import org.luoshi.task.evaluation.api.EvaluationScoreEntry;
import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.evaluation.api.EvaluationView;
import org.luoshi.task.evaluation.api.NewSelfAssessment;
import org.luoshi.task.evaluation.api.SelfAssessmentView;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationAccessPolicy;
import org.luoshi.task.evaluation.domain.EvaluationScore;
import org.luoshi.task.evaluation.domain.EvaluationSelfAssessment;
import org.luoshi.task.evaluation.domain.Rubric;
import org.luoshi.task.evaluation.domain.RubricPolicy;
import org.luoshi.task.evaluation.domain.SelfAssessmentStatus;
import org.luoshi.task.evaluation.domain.SubjectKind;
import org.luoshi.task.evaluation.persistence.EvaluationScoreRepository;
import org.luoshi.task.evaluation.persistence.EvaluationSelfAssessmentRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;

/**
 * What goes into an evaluation's report besides its snapshot: the departments' self-assessments (自评), the
 * evaluator's scores against the rubric and the findings and recommendations. Every change counts as a change of the
 * report's inputs, so that a report made before it no longer counts for submission.
 */
@ApplicationScoped
public class EvaluationScoringService {
    private static final Logger LOG = Logger.getLogger(EvaluationScoringService.class);

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationSelfAssessmentRepository selfAssessments;

    @Inject
    EvaluationScoreRepository scores;

    @Inject
    EvaluationSnapshots snapshots;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /** Every department in scope, SUBMITTED or MISSING; staff see their own department's only. */
    @Transactional
    public List<SelfAssessmentView> selfAssessments(long id) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.visible(id, caller, false);
        Map<String, String> names = departmentNames(evaluation);
        return selfAssessments.ofEvaluation(id).stream()
                .filter(s -> EvaluationAccessPolicy.canSeeSelfAssessment(caller, evaluation, s.departmentCode))
                .map(s -> view(s, names)).toList();
    }

    /** A department's 自评, passed on by workflow-service. The same text again changes nothing. */
    @Transactional
    public SelfAssessmentView submitSelfAssessment(long id, String departmentCode, NewSelfAssessment request) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.visible(id, caller, true);
        EvaluationSelfAssessment row = selfAssessments.findById(new EvaluationSelfAssessment.Key(id, departmentCode));
        if (row == null) {
            throw new ResourceNotFoundException("self-assessment of department '" + departmentCode + "' in evaluation", id);
        }
        Map<String, String> names = departmentNames(evaluation);
        String summary = text(request.summary());
        String achievements = text(request.achievements());
        String problems = text(request.problems());
        String nextSteps = text(request.nextSteps());
        if (row.status == SelfAssessmentStatus.SUBMITTED && Objects.equals(row.summary, summary)
                && Objects.equals(row.achievements, achievements) && Objects.equals(row.problems, problems)
                && Objects.equals(row.nextSteps, nextSteps)) {
            LOG.infof("%s repeated the self-assessment of %s in evaluation %d: unchanged", caller.username(),
                    departmentCode, id);
            return view(row, names);
        }
        EvaluationService.requireEditable(evaluation, "self-assessments");
        SelfAssessmentView before = view(row, names);
        row.status = SelfAssessmentStatus.SUBMITTED;
        row.summary = summary;
        row.achievements = achievements;
        row.problems = problems;
        row.nextSteps = nextSteps;
        row.submittedBy = request.submittedBy().strip();
        row.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        row.submittedOn = calendar.today();
        evaluation.inputsChanged();
        selfAssessments.flush();
        SelfAssessmentView after = view(row, names);
        audit.record("evaluation.self-assessment-submitted", "evaluation", id, before, after);
        LOG.infof("%s recorded the self-assessment of %s in evaluation %d, by %s", caller.username(), departmentCode, id,
                row.submittedBy);
        return after;
    }

    @Transactional
    public List<EvaluationScoreEntry> scores(long id) {
        evaluations.visible(id, callers.current(), false);
        return scores.ofEvaluation(id).stream().map(EvaluationScoringService::entry).toList();
    }

    /**
     * Replaces the evaluator's scores. Each must name a chapter or indicator of the snapshot and a criterion of the
     * rubric for that kind, within its maximum; one bad entry refuses them all, naming it.
     */
    @Transactional
    public List<EvaluationScoreEntry> replaceScores(long id, Integer expectedVersion, List<EvaluationScoreEntry> request) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.ownWork(id, caller, expectedVersion);
        EvaluationService.requireEditable(evaluation, "scores");
        Rubric rubric = evaluations.rubricOf(evaluation);
        EvaluationSnapshot snapshot = snapshots.read(evaluation.snapshot);
        Set<String> chapters = snapshot.chapters().stream().map(EvaluationSnapshot.ChapterPart::number)
                .collect(Collectors.toSet());
        Set<String> indicators = snapshot.indicators().stream().map(i -> String.valueOf(i.id())).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.size(); i++) {
            String at = "scores[" + i + "]";
            EvaluationScoreEntry e = request.get(i);
            if (e == null) {
                throw new InvalidFieldException(at, "must not be null");
            }
            if (e.subjectKind() == null) {
                throw new InvalidFieldException(at + ".subjectKind", "must be CHAPTER or INDICATOR");
            }
            if (e.subjectRef() == null || e.subjectRef().isBlank()) {
                throw new InvalidFieldException(at + ".subjectRef", "must not be blank");
            }
            if (e.criterion() == null || e.criterion().isBlank()) {
                throw new InvalidFieldException(at + ".criterion", "must not be blank");
            }
            if (e.score() == null) {
                throw new InvalidFieldException(at + ".score", "must not be null");
            }
            if (e.score().scale() > 2) {
                throw new InvalidFieldException(at + ".score", "at most two decimals");
            }
            if (e.comment() != null && e.comment().length() > 5000) {
                throw new InvalidFieldException(at + ".comment", "at most 5000 characters");
            }
            boolean known = e.subjectKind() == SubjectKind.CHAPTER ? chapters.contains(e.subjectRef())
                    : indicators.contains(e.subjectRef());
            if (!known) {
                throw new InvalidFieldException(at + ".subjectRef", e.subjectKind() == SubjectKind.CHAPTER
                        ? "the snapshot has no chapter '" + e.subjectRef() + "' (chapters are named by their number, e.g. 三)"
                        : "the snapshot has no indicator with the id '" + e.subjectRef() + "'");
            }
            RubricPolicy.check(rubric, new RubricPolicy.Scored(e.subjectKind(), e.subjectRef(), e.criterion(), e.score()), at)
                    .ifPresent(v -> {
                        throw new InvalidFieldException(v.field(), v.message());
                    });
            if (!seen.add(e.subjectKind() + "/" + e.subjectRef() + "/" + e.criterion())) {
                throw new InvalidFieldException(at + ".criterion", "'" + e.criterion() + "' of " + e.subjectKind() + " "
                        + e.subjectRef() + " is scored twice");
            }
        }
        List<EvaluationScoreEntry> before = scores(id);
        scores.delete("evaluationId", id);
        scores.flush();
        for (EvaluationScoreEntry e : request) {
            EvaluationScore score = new EvaluationScore();
            score.evaluationId = id;
            score.subjectKind = e.subjectKind();
            score.subjectRef = e.subjectRef();
            score.criterion = e.criterion();
            score.score = e.score();
            score.comment = text(e.comment());
            scores.persist(score);
        }
        evaluation.inputsChanged();
        scores.flush();
        List<EvaluationScoreEntry> after = scores(id);
        audit.record("evaluation.scores-changed", "evaluation", id, before, after);
        LOG.infof("%s scored evaluation %d: %d scores", caller.username(), id, after.size());
        return after;
    }

    @Transactional
    public EvaluationView replaceFindings(long id, Integer expectedVersion, EvaluationFindings request) {
        Caller caller = callers.current();
        Evaluation evaluation = evaluations.ownWork(id, caller, expectedVersion);
        EvaluationService.requireEditable(evaluation, "findings");
        EvaluationView before = evaluations.view(evaluation);
        String findings = text(request.findings());
        String recommendations = text(request.recommendations());
        if (Objects.equals(findings, evaluation.findings) && Objects.equals(recommendations, evaluation.recommendations)) {
            return before;
        }
        evaluation.findings = findings;
        evaluation.recommendations = recommendations;
        evaluation.inputsChanged();
        selfAssessments.flush();
        EvaluationView after = evaluations.view(evaluation);
        audit.record("evaluation.findings-changed", "evaluation", id, before, after);
        LOG.infof("%s changed the findings of evaluation %d", caller.username(), id);
        return after;
    }

    private Map<String, String> departmentNames(Evaluation evaluation) {
        return snapshots.read(evaluation.snapshot).departments().stream()
                .collect(Collectors.toMap(EvaluationSnapshot.DepartmentPart::code, EvaluationSnapshot.DepartmentPart::nameZh));
    }

    private static SelfAssessmentView view(EvaluationSelfAssessment s, Map<String, String> names) {
        return new SelfAssessmentView(s.evaluationId, s.departmentCode, names.getOrDefault(s.departmentCode, s.departmentCode),
                s.status, s.summary, s.achievements, s.problems, s.nextSteps, s.submittedBy, s.submittedAt);
    }

    private static EvaluationScoreEntry entry(EvaluationScore s) {
        return new EvaluationScoreEntry(s.subjectKind, s.subjectRef, s.criterion, s.score, s.comment);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
