package org.luoshi.workflow.evaluation.api;

import java.time.Instant;
import java.util.List;

/**
 * An open item of 规划实施评估: kind SELF_ASSESSMENT (a department's 自评), REPORT (the evaluator submits the
 * report) or REVIEW (the supervising office decides). REPORT and REVIEW items list every department's 自评 and
 * show the last return's comment. {@code refusal} is why task-service refused what this item last sent, if it did: the
 * 自评 (SELF_ASSESSMENT), the submission (REPORT) or the decision (REVIEW) — to be sent again.
 */
public record EvaluationItem(String id, String kind, String name, String processInstanceId, String businessKey,
        Long evaluationId, Long planId, String evaluationKind, String organisation, String periodFrom, String periodTo,
        String selfAssessmentDue, String departmentCode, Instant created, Instant due, Integer submissionRound,
        List<SelfAssessmentState> selfAssessments, EvaluationReturn lastReturn, String refusal) {
}
