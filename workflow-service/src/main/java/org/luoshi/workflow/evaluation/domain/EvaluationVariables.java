package org.luoshi.workflow.evaluation.domain;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.luoshi.workflow.shared.ProcessValues;

/**
 * The variables of one 规划实施评估 instance (and of a department's 自评 execution inside it), typed.
 * The one place that reads them by name and type; names and meanings are in {@link EvaluationProcess}. A variable not
 * (yet) set is null.
 */
public record EvaluationVariables(
        Long planId,
        String kind,
        String periodFrom,
        String periodTo,
        String organisation,
        String selfAssessmentDue,
        String dueDate,
        Date ladderArmedAt,
        String launchedBy,
        String taskTitle,
        Long evaluationId,
        String snapshotSha256,
        List<String> departments,
        String departmentCode,
        Map<String, Object> selfAssessment,
        List<Map<String, Object>> selfAssessmentsRecorded,
        Integer submissionRound,
        String submittedBy,
        String reviewDecision,
        String reviewComment,
        String reviewedBy,
        String reviewedAt,
        String launchRefusal,
        String selfAssessmentRefusal,
        String submissionRefusal,
        String reviewRefusal,
        String publicationRefusal) {

    /** Reads every variable through the lookup ({@code execution::getVariable}, {@code variables::get}). */
    public static EvaluationVariables of(Function<String, Object> v) {
        return new EvaluationVariables(
                ProcessValues.asLong(v.apply(VAR_PLAN_ID)),
                ProcessValues.asString(v.apply(VAR_KIND)),
                ProcessValues.asString(v.apply(VAR_PERIOD_FROM)),
                ProcessValues.asString(v.apply(VAR_PERIOD_TO)),
                ProcessValues.asString(v.apply(VAR_ORGANISATION)),
                ProcessValues.asString(v.apply(VAR_SELF_ASSESSMENT_DUE)),
                ProcessValues.asString(v.apply(VAR_DUE_DATE)),
                (Date) v.apply(VAR_LADDER_ARMED_AT),
                ProcessValues.asString(v.apply(VAR_LAUNCHED_BY)),
                ProcessValues.asString(v.apply(VAR_TASK_TITLE)),
                ProcessValues.asLong(v.apply(VAR_EVALUATION_ID)),
                ProcessValues.asString(v.apply(VAR_SNAPSHOT_SHA256)),
                ProcessValues.strings(v.apply(VAR_DEPARTMENTS)),
                ProcessValues.asString(v.apply(VAR_DEPARTMENT)),
                map(v.apply(VAR_SELF_ASSESSMENT)),
                ProcessValues.maps(v.apply(VAR_SELF_ASSESSMENTS_RECORDED)),
                ProcessValues.asInt(v.apply(VAR_SUBMISSION_ROUND)),
                ProcessValues.asString(v.apply(VAR_SUBMITTED_BY)),
                ProcessValues.asString(v.apply(VAR_REVIEW_DECISION)),
                ProcessValues.asString(v.apply(VAR_REVIEW_COMMENT)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_BY)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_AT)),
                ProcessValues.asString(v.apply(VAR_LAUNCH_REFUSAL)),
                ProcessValues.asString(v.apply(VAR_SELF_ASSESSMENT_REFUSAL)),
                ProcessValues.asString(v.apply(VAR_SUBMISSION_REFUSAL)),
                ProcessValues.asString(v.apply(VAR_REVIEW_REFUSAL)),
                ProcessValues.asString(v.apply(VAR_PUBLICATION_REFUSAL)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }
}
