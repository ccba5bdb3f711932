package org.luoshi.workflow.adjustment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;
import org.luoshi.workflow.taskservice.AdjustmentClient;
import org.luoshi.workflow.taskservice.TaskServiceValidation;

/**
 * What {@code applyAdjustment} will send task-service, and task-service's check of it before the request is taken and
 * again before the leadership's approval completes (the task may have changed while the request was reviewed): a date
 * before the plan's period, a milestone done already, an unknown department are answered 400 naming the field then,
 * instead of a refusal inside the process.
 */
@ApplicationScoped
public class AdjustmentCheck {

    @Inject
    @RestClient
    AdjustmentClient adjustments;

    /** The body of {@code PUT /api/adjustments/{key}} for these variables, decided by {@code reviewedBy} and {@code approvedBy}. */
    public static AdjustmentClient.Adjustment body(AdjustmentVariables v, String reviewedBy, String approvedBy) {
        return new AdjustmentClient.Adjustment(v.taskId(), v.reasonCategory(), v.justification(), v.requestedBy(),
                reviewedBy, approvedBy, v.newDueDate(), v.milestoneDueDates(), v.newLeadDepartmentCode(), v.newTitle());
    }

    public void check(AdjustmentClient.Adjustment body) {
        TaskServiceValidation.check("the adjustment", () -> adjustments.validate(body));
    }
}
