package org.luoshi.workflow.evaluation.api;

import java.util.List;

/**
 * Where an evaluation stands in workflow-service: {@code phase} (LAUNCHING, SELF_ASSESSMENT, IN_REVIEW, RETURNED,
 * APPROVED, PUBLISHED, CANCELLED, or REFUSED: task-service refused to create it and the launcher was told why), the steps it waits in, task-service's evaluation id, each department's 自评.
 */
public record EvaluationState(String processInstanceId, String businessKey, boolean ended, String phase,
        List<String> currentSteps, Long evaluationId, Long planId, String kind, String organisation, String periodFrom,
        String periodTo, String selfAssessmentDue, String launchedBy, boolean selfAssessmentsOpen,
        List<SelfAssessmentState> selfAssessments, Integer submissionRound, EvaluationReturn lastReturn, long openIncidents) {
}
