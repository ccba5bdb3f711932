package org.luoshi.task.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.task.indicator.domain.IndicatorPolicy.direction;
import static org.luoshi.task.indicator.domain.IndicatorPolicy.meetsTarget;
import static org.luoshi.task.indicator.domain.IndicatorPolicy.tolerance;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** meetsTarget per comparison, the tolerance of ABOUT targets and the direction of travel. */
class MeetingTheTargetTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aValueWithinTheToleranceOfAnAboutTargetMeetsIt() {
        // 基础研究经费占比: 15.9% in 2019 (plan text), 提高到17%左右 by 2025. Tolerance 5% of 17 = 0.85.
        Baseline baseline = new Baseline(2019, d("15.9"));
        Target target = new Target(2025, d("17"), TargetComparison.ABOUT);

        assertThat(tolerance(target, AssessmentSettings.DEFAULTS)).isEqualByComparingTo("0.85");
        assertThat(meetsTarget(baseline, target, d("16.15"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("16.5"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("16.14"))).isFalse();
    }

    @Test
    void overshootingARisingAboutTargetStillMeetsIt() {
        Baseline baseline = new Baseline(2019, d("15.9"));
        Target target = new Target(2025, d("17"), TargetComparison.ABOUT);

        assertThat(meetsTarget(baseline, target, d("18.5"))).isTrue();
    }

    @Test
    void aValueBelowTheBaselineMeetsARisingAboutTargetIfItIsWithinTheBand() {
        // "about 6%" from 5.8%: 5.75% is within 6 − 0.30 = 5.70, so it counts, although it is below the baseline.
        Baseline baseline = new Baseline(2020, d("5.8"));
        Target target = new Target(2025, d("6"), TargetComparison.ABOUT);

        assertThat(meetsTarget(baseline, target, d("5.75"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("5.70"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("5.69"))).isFalse();
    }

    @Test
    void anAboutTargetEqualToTheBaselineIsATwoSidedBand() {
        // 保持在6%左右 with a baseline of 6: hold, 5.70–6.30.
        Baseline baseline = new Baseline(2020, d("6"));
        Target target = new Target(2025, d("6"), TargetComparison.ABOUT);

        assertThat(direction(baseline, target)).isEqualTo(Direction.HOLD);
        assertThat(meetsTarget(baseline, target, d("5.70"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("6.30"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("5.69"))).isFalse();
        assertThat(meetsTarget(baseline, target, d("6.31"))).isFalse();
    }

    @Test
    void anAboutTargetBelowTheBaselineIsApproachedFromAbove() {
        // A baseline of 6.44 and "about 6": the way is down, so the band is on the upper side (≤ 6.30).
        Baseline baseline = new Baseline(2020, d("6.44"));
        Target target = new Target(2025, d("6"), TargetComparison.ABOUT);

        assertThat(direction(baseline, target)).isEqualTo(Direction.DOWN);
        assertThat(meetsTarget(baseline, target, d("6.30"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("5.5"))).isTrue();
        assertThat(meetsTarget(baseline, target, d("6.31"))).isFalse();
    }

    @Test
    void theToleranceCanBeSetPerAssessment() {
        Baseline baseline = new Baseline(2019, d("15.9"));
        Target target = new Target(2025, d("17"), TargetComparison.ABOUT);
        AssessmentSettings tight = AssessmentSettings.DEFAULTS.withAboutTolerance(d("0.02"));

        assertThat(tolerance(target, tight)).isEqualByComparingTo("0.34");
        assertThat(meetsTarget(baseline, target, d("16.66"), tight)).isTrue();
        assertThat(meetsTarget(baseline, target, d("16.65"), tight)).isFalse();
    }

    @Test
    void anAtLeastTargetIsMetAtTheTargetItself() {
        Target target = new Target(2025, d("260"), TargetComparison.AT_LEAST);

        assertThat(meetsTarget(null, target, d("260"))).isTrue();
        assertThat(meetsTarget(null, target, d("259.99"))).isFalse();
    }

    @Test
    void moreThanIsStrict() {
        // 技术合同成交额超过8000亿元: 8000 itself is not more than 8000.
        Target moreThan = new Target(2025, d("8000"), TargetComparison.MORE_THAN);
        Target atLeast = new Target(2025, d("8000"), TargetComparison.AT_LEAST);

        assertThat(meetsTarget(null, moreThan, d("8000"))).isFalse();
        assertThat(meetsTarget(null, moreThan, d("8000.00"))).isFalse();
        assertThat(meetsTarget(null, moreThan, d("8000.01"))).isTrue();
        assertThat(meetsTarget(null, atLeast, d("8000"))).isTrue();
    }

    @Test
    void anAtMostTargetIsMetBelowAndMissedAbove() {
        Target target = new Target(2025, d("35"), TargetComparison.AT_MOST);

        assertThat(meetsTarget(null, target, d("34.9"))).isTrue();
        assertThat(meetsTarget(null, target, d("35"))).isTrue();
        assertThat(meetsTarget(null, target, d("35.01"))).isFalse();
    }

    @Test
    void theToleranceDoesNotSoftenAtLeastMoreThanOrAtMost() {
        Baseline baseline = new Baseline(2020, d("30"));
        assertThat(meetsTarget(baseline, new Target(2025, d("35"), TargetComparison.AT_LEAST), d("34.99"))).isFalse();
        assertThat(meetsTarget(baseline, new Target(2025, d("35"), TargetComparison.AT_MOST), d("35.01"))).isFalse();
    }

    @Test
    void atMostGoesDownAndAtLeastGoesUpWhateverTheBaseline() {
        Baseline high = new Baseline(2020, d("50"));
        Baseline low = new Baseline(2020, d("10"));

        assertThat(direction(low, new Target(2025, d("35"), TargetComparison.AT_MOST))).isEqualTo(Direction.DOWN);
        assertThat(direction(high, new Target(2025, d("35"), TargetComparison.AT_LEAST))).isEqualTo(Direction.UP);
        assertThat(direction(high, new Target(2025, d("35"), TargetComparison.MORE_THAN))).isEqualTo(Direction.UP);
        assertThat(direction(high, new Target(2025, d("35"), TargetComparison.ABOUT))).isEqualTo(Direction.DOWN);
        assertThat(direction(low, new Target(2025, d("35"), TargetComparison.ABOUT))).isEqualTo(Direction.UP);
        assertThat(direction(null, new Target(2025, d("35"), TargetComparison.ABOUT))).isEqualTo(Direction.UP);
    }

    @Test
    void theIndicatorRecordAppliesItsOwnBaselineAndTarget() {
        Indicator indicator = new Indicator("基础研究经费占全社会研发经费比重", "%", IndicatorKind.EXPECTED,
                new Baseline(2019, d("15.9")), new Target(2025, d("17"), TargetComparison.ABOUT), null);

        assertThat(indicator.direction()).isEqualTo(Direction.UP);
        assertThat(indicator.meetsTarget(d("16.15"))).isTrue();
        assertThat(indicator.meetsTarget(d("16.14"))).isFalse();
        assertThat(indicator.values()).isEmpty();
    }
}
