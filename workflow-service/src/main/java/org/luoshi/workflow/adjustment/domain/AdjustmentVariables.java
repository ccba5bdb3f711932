package org.luoshi.workflow.adjustment.domain;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.util.Map;
import java.util.function.Function;

import org.luoshi.workflow.shared.ProcessValues;

/**
 * The variables of one 动态调整 instance, typed.
 * The one place that reads them by name and type; names and meanings are in {@link AdjustmentProcess}. A variable not
 * (yet) set is null.
 */
public record AdjustmentVariables(
        Long taskId,
        String taskTitle,
        String departmentCode,
        String reasonCategory,
        String justification,
        String newDueDate,
        Map<String, String> milestoneDueDates,
        Map<String, String> milestoneDueDatesAfter,
        String newLeadDepartmentCode,
        String newTitle,
        String requestedBy,
        String reviewDecision,
        String reviewComment,
        String reviewedBy,
        String approvalDecision,
        String approvalComment,
        String approvedBy,
        String rejectionComment,
        String rejectedBy,
        Integer revision,
        String applyRefusal) {

    /** Reads every variable through the lookup ({@code execution::getVariable}, {@code variables::get}). */
    public static AdjustmentVariables of(Function<String, Object> v) {
        return new AdjustmentVariables(
                ProcessValues.asLong(v.apply(VAR_TASK_ID)),
                ProcessValues.asString(v.apply(VAR_TASK_TITLE)),
                ProcessValues.asString(v.apply(VAR_DEPARTMENT_CODE)),
                ProcessValues.asString(v.apply(VAR_REASON_CATEGORY)),
                ProcessValues.asString(v.apply(VAR_JUSTIFICATION)),
                ProcessValues.asString(v.apply(VAR_NEW_DUE_DATE)),
                ProcessValues.stringMap(v.apply(VAR_MILESTONE_DUE_DATES)),
                ProcessValues.stringMap(v.apply(VAR_MILESTONE_DUE_DATES_AFTER)),
                ProcessValues.asString(v.apply(VAR_NEW_LEAD_DEPARTMENT)),
                ProcessValues.asString(v.apply(VAR_NEW_TITLE)),
                ProcessValues.asString(v.apply(VAR_REQUESTED_BY)),
                ProcessValues.asString(v.apply(VAR_REVIEW_DECISION)),
                ProcessValues.asString(v.apply(VAR_REVIEW_COMMENT)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_BY)),
                ProcessValues.asString(v.apply(VAR_APPROVAL_DECISION)),
                ProcessValues.asString(v.apply(VAR_APPROVAL_COMMENT)),
                ProcessValues.asString(v.apply(VAR_APPROVED_BY)),
                ProcessValues.asString(v.apply(VAR_REJECTION_COMMENT)),
                ProcessValues.asString(v.apply(VAR_REJECTED_BY)),
                ProcessValues.asInt(v.apply(VAR_REVISION)),
                ProcessValues.asString(v.apply(VAR_APPLY_REFUSAL)));
    }
}
