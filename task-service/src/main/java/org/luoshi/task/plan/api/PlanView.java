package org.luoshi.task.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;

public record PlanView(Long id, String title, List<String> issuingBodies, int periodStart, int periodEnd, PlanStatus status,
        LocalDate issuedOn, boolean demo, String sourceName, String sourceSha256, Instant confirmedAt, String confirmedBy,
        Instant createdAt, String createdBy, Long predecessorId, int version) {
    public static PlanView of(Plan p) {
        return new PlanView(p.id, p.title, List.copyOf(p.issuingBodies), p.periodStart, p.periodEnd, p.status, p.issuedOn,
                p.demo, p.sourceName, p.sourceSha256, p.confirmedAt, p.confirmedBy, p.createdAt, p.createdBy, p.predecessorId, p.version);
    }
}
