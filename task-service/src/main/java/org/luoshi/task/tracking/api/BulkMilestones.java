package org.luoshi.task.tracking.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Many milestones for tasks of one plan at once (a national deployment's plan, or its ledger): all of them or, if any
 * item is wrong, none. An item equal to a milestone its task has already (same title and due date) is not added again.
 */
public record BulkMilestones(@NotEmpty @Size(max = BulkMilestones.MAX_MILESTONES) List<@NotNull @Valid Item> items) {
    /** Milestones one bulk request may add (this one, or a bulk assignment's items together): a transaction of seconds. */
    public static final int MAX_MILESTONES = 5000;

    /** One milestone of one task, as {@link NewMilestone}. */
    public record Item(
            @Schema(description = "id of a task of the plan", examples = "42") @NotNull Long taskId,
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate dueDate,
            @Size(max = 500) String deliverable,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal weight) {
    }
}
