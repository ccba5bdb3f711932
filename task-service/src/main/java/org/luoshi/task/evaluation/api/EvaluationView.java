package org.luoshi.task.evaluation.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.EvaluationStatus;
import org.luoshi.task.evaluation.domain.Rubric;

/**
 * An evaluation as the API shows it.
 *
 * @param departments    the departments in scope (every lead or co-department of a task of the plan at launch)
 * @param snapshotDate   the day the snapshot was frozen: the evaluation's "as of"
 * @param reportsCurrent whether both report files were generated after the last change of scores, findings or
 *                       self-assessments (submission needs them so)
 */
public record EvaluationView(Long id, Long planId, String planTitle, EvaluationKind kind, LocalDate periodFrom,
        LocalDate periodTo, String organisation, String organisationName, LocalDate selfAssessmentDue,
        EvaluationStatus status, List<String> departments, String snapshotSha256, LocalDate snapshotDate, Rubric rubric,
        String findings, String recommendations, BigDecimal totalScore, String grade, boolean reportsCurrent,
        String launchedBy, Instant launchedAt, Instant submittedAt, String reviewDecision, String reviewComment,
        String reviewedBy, Instant reviewedAt, String publishedBy, Instant publishedAt, int version) {
}
