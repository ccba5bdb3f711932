package org.luoshi.task.tracking.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.tracking.domain.ReportKind;

/** A report on a milestone as workflow-service submits it. */
public record NewMilestoneReport(
        @NotNull ReportKind kind,
        @NotBlank @Size(max = 40) String departmentCode,
        @NotBlank @Size(max = 100) String submittedBy,
        @NotBlank @Size(min = 1, max = 5000) String text,
        @NotNull @Min(0) @Max(100) Integer percent,
        List<@NotNull Long> evidenceIds,
        List<@NotBlank String> consolidates) {
}
