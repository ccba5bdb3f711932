package org.luoshi.task.indicator.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.luoshi.task.indicator.domain.Direction;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.shared.api.DepartmentCodes;

/**
 * The supervising office completes what the document left out: baseline, kind, the responsible department, and which
 * way the indicator should move ({@code direction}: UP 正向, DOWN 逆向, HOLD 保持; left out, it stays as it is).
 */
public record IndicatorUpdate(
        @NotBlank @Size(max = 300) String name,
        @Size(max = 40) String unit,
        @NotNull IndicatorKind kind,
        @Min(1949) @Max(2200) Integer baselineYear,
        BigDecimal baselineValue,
        @NotNull @Min(1949) @Max(2200) Integer targetYear,
        @NotNull BigDecimal targetValue,
        @NotNull TargetComparison comparison,
        Direction direction,
        @Pattern(regexp = DepartmentCodes.PATTERN, message = DepartmentCodes.MESSAGE) String responsibleDepartmentCode) {
}
