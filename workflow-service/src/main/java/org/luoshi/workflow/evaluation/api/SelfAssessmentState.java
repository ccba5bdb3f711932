package org.luoshi.workflow.evaluation.api;

/**
 * One department's 自评 in an evaluation: {@code SUBMITTED} (with {@code recorded} once task-service has it) or
 * {@code MISSING}; {@code open} while the department can still write it.
 */
public record SelfAssessmentState(String departmentCode, String status, boolean recorded, boolean open, String submittedBy,
        String submittedAt) {
}
