package org.luoshi.task.mapping;

import java.time.Instant;

import org.luoshi.task.domain.Plan;
import org.luoshi.task.domain.PlanStatus;

public record PlanView(Long id, String title, String issuingBody, int periodStart, int periodEnd, PlanStatus status,
        Instant createdAt, String createdBy, int version) {
    public static PlanView of(Plan p) {
        return new PlanView(p.id, p.title, p.issuingBody, p.periodStart, p.periodEnd, p.status, p.createdAt, p.createdBy,
                p.version);
    }
}
