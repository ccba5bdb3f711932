package org.luoshi.task.succession.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one decision about an unfinished task of a plan that has a successor: carried into a new task (keeping the old
 * reference and lead department as they stood) or closed with a reason. Made once; {@link CarryOverPolicy} refuses a
 * second one.
 */
@Entity
@Table(name = "task_carry_over")
public class CarryOver {
    @Id
    @Column(name = "old_task_id")
    public Long oldTaskId;

    @Column(name = "old_plan_id", nullable = false)
    public Long oldPlanId;

    @Column(name = "new_plan_id", nullable = false)
    public Long newPlanId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CarryOverDecision decision;

    @Column(name = "new_task_id")
    public Long newTaskId;

    @Column(name = "old_reference")
    public String oldReference;

    @Column(name = "old_lead_department")
    public String oldLeadDepartment;

    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public static CarryOver carried(long oldTaskId, long oldPlanId, long newPlanId, long newTaskId, String oldReference,
            String oldLeadDepartment, String reason, String by, Instant at) {
        CarryOver c = decided(oldTaskId, oldPlanId, newPlanId, CarryOverDecision.CARRIED, reason, by, at);
        c.newTaskId = newTaskId;
        c.oldReference = oldReference;
        c.oldLeadDepartment = oldLeadDepartment;
        return c;
    }

    public static CarryOver closed(long oldTaskId, long oldPlanId, long newPlanId, String oldReference,
            String oldLeadDepartment, String reason, String by, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a task is closed with a reason");
        }
        CarryOver c = decided(oldTaskId, oldPlanId, newPlanId, CarryOverDecision.CLOSED, reason, by, at);
        c.oldReference = oldReference;
        c.oldLeadDepartment = oldLeadDepartment;
        return c;
    }

    private static CarryOver decided(long oldTaskId, long oldPlanId, long newPlanId, CarryOverDecision decision,
            String reason, String by, Instant at) {
        CarryOver c = new CarryOver();
        c.oldTaskId = oldTaskId;
        c.oldPlanId = oldPlanId;
        c.newPlanId = newPlanId;
        c.decision = decision;
        c.reason = reason;
        c.decidedBy = by;
        c.decidedAt = at;
        return c;
    }
}
