package org.luoshi.workflow.milestone.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A co-department's sub-report (配合单位报送). */
public record SubReportForm(
        @Schema(description = "what the department did for the milestone") @NotBlank @Size(max = 5000) String text,
        @Schema(description = "progress in percent, 0..100") @NotNull @Min(0) @Max(100) Integer percent,
        @Schema(description = "ids of evidence files uploaded to task-service") @Size(max = 50)
        List<@NotNull @Positive Long> evidenceIds) {
}
