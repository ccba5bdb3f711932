package org.luoshi.workflow.assignment.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.shared.DepartmentCodes;

/** Body of {@code POST /api/inbox/{id}/complete}. */
@ReasonRequiredForReturn
public record CompleteRequest(
        @Schema(description = "ACCEPT or RETURN (接收任务); REASSIGN, AMEND or WITHDRAW (督查室处理退回)") @NotNull Decision decision,
        @Schema(description = "why the task is returned; required when the decision is RETURN")
        @Size(max = 2000) String reason,
        @Schema(description = "REASSIGN only: the department that gets the task instead", examples = "chaoyang")
        @jakarta.validation.constraints.Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String departmentCode,
        @Schema(description = "AMEND and WITHDRAW: what was changed, or why the assignment is withdrawn")
        @Size(max = 2000) String note) {

    /** The department's form: ACCEPT, or RETURN with a reason. */
    public CompleteRequest(Decision decision, String reason) {
        this(decision, reason, null, null);
    }
}
