package org.luoshi.task.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The direction an imported indicator gets before the supervising office looks at it. */
class DirectionDefaultsTest {

    @Test
    void keepingAboutATargetReadsAsKeepingAtLeastAboutItEvenFromABaselineAbove() {
        assertThat(DirectionDefaults.of(TargetComparison.ABOUT, "全社会研发经费支出占地区生产总值比重",
                "到2025年，全社会研发经费支出占地区生产总值比重保持在6%左右，基础研究经费占比降低到…", new BigDecimal("6.44"),
                new BigDecimal("6"))).isEqualTo(Direction.UP);
    }

    @Test
    void theVerbOfTheClauseNamingTheIndicatorDecides() {
        String text = "单位地区生产总值能耗降低到0.2吨标准煤左右，基础研究经费占全社会研发经费比重提高到17%左右";
        assertThat(DirectionDefaults.of(TargetComparison.ABOUT, "单位地区生产总值能耗", text, null, new BigDecimal("0.2")))
                .isEqualTo(Direction.DOWN);
        assertThat(DirectionDefaults.of(TargetComparison.ABOUT, "基础研究经费占全社会研发经费比重", text, null,
                new BigDecimal("17"))).isEqualTo(Direction.UP);
    }

    @Test
    void withoutATellingVerbTheBaselineDecidesAndTheComparisonFixesItsOwn() {
        assertThat(DirectionDefaults.of(TargetComparison.ABOUT, "某指标", "某指标 | 6 | 6左右", new BigDecimal("6"),
                new BigDecimal("6"))).isEqualTo(Direction.HOLD);
        assertThat(DirectionDefaults.of(TargetComparison.ABOUT, "某指标", "某指标 | 7 | 6左右", new BigDecimal("7"),
                new BigDecimal("6"))).isEqualTo(Direction.DOWN);
        assertThat(DirectionDefaults.of(TargetComparison.AT_MOST, "x", "提高到", null, BigDecimal.ONE)).isEqualTo(Direction.DOWN);
        assertThat(DirectionDefaults.of(TargetComparison.MORE_THAN, "x", "降低", null, BigDecimal.ONE)).isEqualTo(Direction.UP);
    }
}
