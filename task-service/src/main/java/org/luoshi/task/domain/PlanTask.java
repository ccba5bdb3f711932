package org.luoshi.task.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A task of a plan, led by one department (牵头单位). */
@Entity
@Table(name = "plan_task")
public class PlanTask {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public String title;

    @Column(name = "lead_department_code")
    public String leadDepartmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Version
    public int version;

    /** The lead department takes the task on: from then on it is theirs to implement. */
    public void acceptBy(String departmentCode, String username, Instant at) {
        this.leadDepartmentCode = departmentCode;
        this.status = TaskStatus.ACCEPTED;
        this.acceptedBy = username;
        this.acceptedAt = at;
    }
}
