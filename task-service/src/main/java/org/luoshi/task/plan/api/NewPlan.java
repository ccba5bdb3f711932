package org.luoshi.task.plan.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewPlan(
        @NotBlank @Size(max = 300) String title,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> issuingBodies,
        @NotNull @Min(1949) @Max(2200) Integer periodStart,
        @NotNull @Min(1949) @Max(2200) Integer periodEnd) {
}
