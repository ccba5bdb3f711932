package org.luoshi.workflow.evaluation.domain;

import java.util.List;

import org.luoshi.workflow.escalation.LadderContract;

/** Names used in bpmn/plan-evaluation.bpmn (规划实施评估): the process key, activity ids and variables. */
public final class EvaluationProcess {
    public static final String KEY = "plan-evaluation";
    public static final String BUSINESS_KEY_PREFIX = "evaluation:";

    public static final String CREATE_EVALUATION = "createEvaluation";
    public static final String SELF_ASSESSMENT_PHASE = "selfAssessmentPhase";
    public static final String SUBMIT_SELF_ASSESSMENT = "submitSelfAssessment";
    public static final String RECORD_SELF_ASSESSMENT = "recordSelfAssessment";
    public static final String SUBMIT_REPORT = "submitEvaluationReport";
    public static final String RECORD_SUBMISSION = "recordSubmission";
    public static final String REVIEW_REPORT = "reviewEvaluationReport";
    public static final String RECORD_REVIEW = "recordReview";
    public static final String PUBLISH = "publishEvaluation";
    public static final String END_PUBLISHED = "evaluationPublished";
    /** task-service refused to create the evaluation (boundary event launchRefused); the launcher was told why. */
    public static final String END_NOT_LAUNCHED = "evaluationNotLaunched";
    public static final String SELF_ASSESSMENT_REFUSED = "selfAssessmentRefused";
    public static final String SUBMISSION_REFUSED = "submissionRefused";
    public static final String REVIEW_REFUSED = "reviewRefused";
    public static final String PUBLICATION_REFUSED = "publicationRefused";
    public static final String NOTIFY_PUBLICATION_REFUSED = "notifyPublicationRefused";
    public static final String END_NOT_PUBLISHED = "evaluationNotPublished";

    /** Candidate group of the evaluator's item: {@code org:<organisation>}, as the inbox writes organisations. */
    public static final String ORGANISATION_GROUP_PREFIX = "org:";
    /** Candidate group of the review: the realm role supervisor, as the inbox writes roles. */
    public static final String GROUP_SUPERVISOR = "role:supervisor";

    public static final String VAR_PLAN_ID = "planId";
    /** MID_TERM or FINAL. */
    public static final String VAR_KIND = "evaluationKind";
    public static final String VAR_PERIOD_FROM = "periodFrom";
    public static final String VAR_PERIOD_TO = "periodTo";
    public static final String VAR_ORGANISATION = "organisation";
    public static final String VAR_SELF_ASSESSMENT_DUE = "selfAssessmentDue";
    /** The self-assessment due date again, under the name the ladder and the items' due date use (yyyy-MM-dd). */
    public static final String VAR_DUE_DATE = LadderContract.VAR_DUE_DATE;
    public static final String VAR_LADDER_ARMED_AT = LadderContract.VAR_LADDER_ARMED_AT;
    public static final String VAR_LAUNCHED_BY = "launchedBy";
    /** What the generic inbox shows as the item's title. */
    public static final String VAR_TASK_TITLE = "taskTitle";
    /** task-service's evaluation id (Long), set by createEvaluation. */
    public static final String VAR_EVALUATION_ID = "evaluationId";
    public static final String VAR_SNAPSHOT_SHA256 = "snapshotSha256";
    /** The departments in scope (List of codes), set by createEvaluation; the self-assessment multi-instance's collection. */
    public static final String VAR_DEPARTMENTS = "departments";
    /** Element variable of the multi-instance: the department writing. */
    public static final String VAR_DEPARTMENT = "departmentCode";
    /** Local to one department's instance: the submitted form (Map summary, achievements, problems, nextSteps, submittedBy, submittedAt). */
    public static final String VAR_SELF_ASSESSMENT = "selfAssessment";
    /** Process-level list of the self-assessments recorded in task-service: maps {departmentCode, submittedBy, submittedAt}. */
    public static final String VAR_SELF_ASSESSMENTS_RECORDED = "selfAssessmentsRecorded";

    public static final String VAR_SUBMISSION_ROUND = "submissionRound";
    public static final String VAR_SUBMITTED_BY = "submittedBy";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_REVIEWED_BY = "reviewedBy";
    /** task-service's reason for refusing to create the evaluation (error message of launchRefused). */
    public static final String VAR_LAUNCH_REFUSAL = "launchRefusal";
    /** Local to one department's instance: task-service's reason for refusing its last 自评 (selfAssessmentRefused). */
    public static final String VAR_SELF_ASSESSMENT_REFUSAL = "selfAssessmentRefusal";
    /** task-service's reasons for refusing the last submission, review or publication (boundary events *Refused). */
    public static final String VAR_SUBMISSION_REFUSAL = "submissionRefusal";
    public static final String VAR_REVIEW_REFUSAL = "reviewRefusal";
    public static final String VAR_PUBLICATION_REFUSAL = "publicationRefusal";
    public static final String VAR_REVIEWED_AT = "reviewedAt";
    public static final String VAR_PUBLISHED_AT = "publishedAt";

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_RETURN = "RETURN";

    /** The variables GET /api/processes/{id} shows for this process. */
    public static final List<String> VARIABLES_OF_INTEREST = List.of(VAR_PLAN_ID, VAR_KIND, VAR_PERIOD_FROM, VAR_PERIOD_TO,
            VAR_ORGANISATION, VAR_SELF_ASSESSMENT_DUE, VAR_LAUNCHED_BY, VAR_EVALUATION_ID, VAR_DEPARTMENTS,
            VAR_SUBMISSION_ROUND, VAR_SUBMITTED_BY, VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_REVIEWED_BY, VAR_LAUNCH_REFUSAL,
            VAR_SUBMISSION_REFUSAL, VAR_REVIEW_REFUSAL, VAR_PUBLICATION_REFUSAL);

    private EvaluationProcess() {
    }

    /** The signal that closes the instance's open self-assessments (see the BPMN: scoped by the instance id). */
    public static String selfAssessmentsClosedSignal(String processInstanceId) {
        return "evaluation-self-assessments-closed-" + processInstanceId;
    }
}
