package org.luoshi.task.disclosure.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How often a plan's status is published on its own (定期公布); one per plan once the supervising office sets it. */
@Entity
@Table(name = "disclosure_schedule")
public class DisclosureSchedule {
    @Id
    @Column(name = "plan_id")
    public Long planId;

    @Enumerated(EnumType.STRING)
    @Column(name = "frequency", nullable = false)
    public DisclosureInterval interval;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Version
    public int version;
}
