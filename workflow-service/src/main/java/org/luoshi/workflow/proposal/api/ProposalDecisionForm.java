package org.luoshi.workflow.proposal.api;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.adjustment.api.AdjustmentRequest;
import org.luoshi.workflow.shared.DepartmentCodes;

/**
 * The office's decision on a 调整建议: ADJUST with the 动态调整 to start ({@code adjustment}; its justification defaults
 * to the finding, its task to the one the finding names), or DECLINE with the {@code reason}.
 */
public record ProposalDecisionForm(
        @Schema(description = "ADJUST or DECLINE") @NotNull @Pattern(regexp = "ADJUST|DECLINE",
                message = "must be ADJUST or DECLINE") String decision,
        @Schema(description = "why no adjustment follows (DECLINE), at most 5000 characters") @Size(max = 5000) String reason,
        @Schema(description = "the 动态调整 to start (ADJUST)") @Valid Adjustment adjustment) {

    public static final String ADJUST = "ADJUST";
    public static final String DECLINE = "DECLINE";

    /** The 动态调整 as POST /api/adjustments takes it, with the task and the justification defaulting to the proposal's. */
    public record Adjustment(
            @Schema(description = "the task adjusted; required for an indicator's proposal") @Positive Long taskId,
            @Schema(description = "FORCE_MAJEURE, POLICY_CHANGE, RESOURCE_CHANGE, SCOPE_CHANGE or OTHER")
            @NotNull @Pattern(regexp = AdjustmentRequest.REASONS,
                    message = "must be one of FORCE_MAJEURE, POLICY_CHANGE, RESOURCE_CHANGE, SCOPE_CHANGE, OTHER") String reasonCategory,
            @Schema(description = "调整理由; the finding when left out") @Size(max = 2000) String justification,
            @Pattern(regexp = AdjustmentRequest.DATE, message = AdjustmentRequest.DATE_MESSAGE) String newDueDate,
            Map<String, String> milestoneDueDates,
            @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String newLeadDepartmentCode,
            @Size(max = 500) String newTitle) {
    }
}
