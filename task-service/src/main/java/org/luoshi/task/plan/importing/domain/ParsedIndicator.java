package org.luoshi.task.plan.importing.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.TargetComparison;

/**
 * A quantitative indicator of the plan.
 *
 * @param name          what is measured, e.g. "全社会研发经费支出占地区生产总值比重"
 * @param unit          the unit as written after the number, e.g. "%", "亿元", "万亿元", "人次"; null when the text gives none
 * @param kind          预期性 or 约束性; EXPECTED when the document does not say
 * @param baselineYear  the year of the baseline value, when the text gives one ("由2020年的X提高到Y")
 * @param baselineValue the baseline value, in the same unit as the target, when the text gives one
 * @param targetYear    the year the target is for ("到2025年…", the target column of a table, else the plan's last year)
 * @param targetValue   the target value as written (8000 for "8000亿元", 1.2 for "1.2万亿元")
 * @param comparison    how the target is to be read
 * @param sourceText    the sentence (or table row, cells joined by " | ") the indicator was read from
 */
public record ParsedIndicator(String name, String unit, IndicatorKind kind, Integer baselineYear,
        BigDecimal baselineValue, int targetYear, BigDecimal targetValue, TargetComparison comparison,
        String sourceText) {
    public ParsedIndicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetValue, "targetValue");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(sourceText, "sourceText");
    }
}
