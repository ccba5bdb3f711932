package org.luoshi.task.tracking.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.tracking.domain.ReportDecision;

/** The supervising office's decision on a report, as workflow-service records it. */
public record ReportDecisionRequest(
        @NotNull ReportDecision decision,
        @NotBlank @Size(max = 100) String decidedBy,
        @Size(max = 5000) String comment,
        @NotNull LocalDate decidedOn) {
}
