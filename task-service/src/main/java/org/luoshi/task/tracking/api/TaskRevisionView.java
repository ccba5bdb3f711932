package org.luoshi.task.tracking.api;

import java.time.Instant;

import org.luoshi.task.tracking.domain.AdjustmentReason;

/**
 * One version of a task. Revision 0 is the task as it stood before its first adjustment (before is null, and
 * there is no adjustment); each later one is an applied adjustment with who asked, reviewed, approved and why.
 */
public record TaskRevisionView(Long taskId, int revision, String adjustmentKey, AdjustmentReason reasonCategory,
        String justification, String requestedBy, String reviewedBy, String approvedBy, Instant recordedAt, TaskView before,
        TaskView after) {
}
