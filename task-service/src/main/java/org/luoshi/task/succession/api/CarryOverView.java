package org.luoshi.task.succession.api;

import java.time.Instant;

import org.luoshi.task.succession.domain.CarryOver;
import org.luoshi.task.succession.domain.CarryOverDecision;

/** The decision about one task of the old plan: carried (into {@code newTaskId}) or closed (with {@code reason}). */
public record CarryOverView(Long oldTaskId, Long oldPlanId, String oldReference, String oldLeadDepartmentCode,
        CarryOverDecision decision, Long newPlanId, Long newTaskId, String reason, String decidedBy, Instant decidedAt) {
    public static CarryOverView of(CarryOver c) {
        return new CarryOverView(c.oldTaskId, c.oldPlanId, c.oldReference, c.oldLeadDepartment, c.decision, c.newPlanId,
                c.newTaskId, c.reason, c.decidedBy, c.decidedAt);
    }
}
