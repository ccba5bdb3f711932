package org.luoshi.task.indicator.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.indicator.domain.ValueRevision;

/** A year's value of an indicator, with its source (e.g. 2023年北京市国民经济和社会发展统计公报). */
public record NewIndicatorValue(
        @NotNull @Min(1949) @Max(2200) Integer year,
        @NotNull BigDecimal value,
        @NotNull ValueRevision revision,
        @NotBlank @Size(max = 300) String source) {
}
