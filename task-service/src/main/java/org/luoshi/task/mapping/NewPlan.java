package org.luoshi.task.mapping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewPlan(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 300) String issuingBody,
        @NotNull @Min(1949) @Max(2200) Integer periodStart,
        @NotNull @Min(1949) @Max(2200) Integer periodEnd) {
}
