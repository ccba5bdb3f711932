package org.luoshi.task.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luoshi.task.indicator.domain.IndicatorPolicy.assess;
import static org.luoshi.task.indicator.domain.ValueRevision.PRELIMINARY;
import static org.luoshi.task.indicator.domain.ValueRevision.REVISED;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The assessment: latest value, progress, pace, projections and outlook. Expected numbers worked out by hand. */
class IndicatorAssessmentTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static YearValue revised(int year, String value) {
        return new YearValue(year, d(value), REVISED);
    }

    private static YearValue preliminary(int year, String value) {
        return new YearValue(year, d(value), PRELIMINARY);
    }

    private static final Baseline BASIC_RESEARCH_2019 = new Baseline(2019, d("15.9"));
    private static final Target BASIC_RESEARCH_2025 = new Target(2025, d("17"), TargetComparison.ABOUT);

    // ---------------------------------------------------------------- the values

    @Test
    void anIndicatorWithoutValuesHasNoData() {
        IndicatorAssessment assessment = assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, List.of(), 2022);

        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.NO_DATA);
        assertThat(assessment.hasData()).isFalse();
        assertThat(assessment.latestValue()).isNull();
        assertThat(assessment.progressToTarget()).isNull();
        assertThat(assessment.projection()).isNull();
        assertThat(assessment.requiredPace().plannedPerYear()).isEqualByComparingTo("0.1833");
        assertThat(assessment.requiredPace().neededPerYear()).isNull();
    }

    @Test
    void aRevisedValueReplacesThePreliminaryOneOfTheSameYear() {
        List<YearValue> revisedLast = List.of(revised(2020, "16.0"), preliminary(2021, "16.2"), revised(2021, "16.5"));
        List<YearValue> revisedFirst = List.of(revised(2021, "16.5"), revised(2020, "16.0"), preliminary(2021, "16.2"));

        for (List<YearValue> values : List.of(revisedLast, revisedFirst)) {
            IndicatorAssessment assessment = assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, values, 2022);
            assertThat(assessment.latestYear()).isEqualTo(2021);
            assertThat(assessment.latestValue()).isEqualByComparingTo("16.5");
            assertThat(assessment.latestRevision()).isEqualTo(REVISED);
            // the trend runs through 15.9, 16.0, 16.5 (not 16.2): slope 0.3, 2025 → 16.1333 + 0.3 × 5 = 17.6333
            assertThat(assessment.linearProjection().perYear()).isEqualByComparingTo("0.3000");
            assertThat(assessment.linearProjection().value()).isEqualByComparingTo("17.6333");
        }
    }

    @Test
    void aPreliminaryValueCountsUntilItIsRevised() {
        IndicatorAssessment assessment = assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025,
                List.of(revised(2020, "16.0"), preliminary(2021, "16.2")), 2022);

        assertThat(assessment.latestValue()).isEqualByComparingTo("16.2");
        assertThat(assessment.latestRevision()).isEqualTo(PRELIMINARY);
    }

    @Test
    void twoValuesOfTheSameYearAndRevisionAreRefused() {
        List<YearValue> values = List.of(revised(2021, "16.5"), revised(2021, "16.6"));

        assertThatThrownBy(() -> assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, values, 2022))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2021");
    }

    @Test
    void valuesFromTheFutureOrFromBeforeTheBaselineDoNotCount() {
        List<YearValue> values = List.of(revised(2014, "12.6"), revised(2019, "15.0"), revised(2020, "16.0"),
                preliminary(2023, "20.0"));

        IndicatorAssessment assessment = assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, values, 2022);

        assertThat(assessment.latestYear()).isEqualTo(2020);
        // two points, 2019 15.9 (the baseline, not the 2019 value) and 2020 16.0: slope 0.1
        assertThat(assessment.linearProjection().perYear()).isEqualByComparingTo("0.1000");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("16.5000");
    }

    @Test
    void aTargetYearBeforeTheBaselineIsRefused() {
        assertThatThrownBy(() -> assess(new Baseline(2025, d("1")), new Target(2025, d("2"), TargetComparison.ABOUT),
                List.of(), 2025)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- progress

    @Test
    void progressIsTheShareOfTheWayFromBaselineToTarget() {
        assertThat(progress("16.45")).isEqualByComparingTo("0.5000");
        assertThat(progress("17.55")).isEqualByComparingTo("1.5000");
        assertThat(progress("15.35")).isEqualByComparingTo("-0.5000");
        assertThat(progress("16.4")).isEqualByComparingTo("0.4545");
    }

    private static BigDecimal progress(String latest) {
        return assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, List.of(revised(2022, latest)), 2023)
                .progressToTarget();
    }

    @Test
    void progressTowardsALowerTargetCountsTheDecline() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("40")),
                new Target(2025, d("35"), TargetComparison.AT_MOST), List.of(revised(2022, "38")), 2023);

        assertThat(assessment.progressToTarget()).isEqualByComparingTo("0.4000");
    }

    @Test
    void withoutABaselineProgressIsMeasuredFromZero() {
        Target contracts = new Target(2025, d("8000"), TargetComparison.MORE_THAN);

        IndicatorAssessment assessment = assess(null, contracts, List.of(revised(2022, "6000")), 2023);

        assertThat(assessment.progressToTarget()).isEqualByComparingTo("0.7500");
    }

    @Test
    void withoutABaselineADownwardIndicatorHasNoProgress() {
        IndicatorAssessment assessment = assess(null, new Target(2025, d("35"), TargetComparison.AT_MOST),
                List.of(revised(2022, "38")), 2023);

        assertThat(assessment.progressToTarget()).isNull();
    }

    @Test
    void aBaselineAlreadyBeyondTheTargetLeavesNoDistanceToCover() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("110")),
                new Target(2025, d("100"), TargetComparison.AT_LEAST), List.of(revised(2021, "108")), 2022);

        assertThat(assessment.progressToTarget()).isNull();
        assertThat(assessment.latestMeetsTarget()).isTrue();
    }

    // ---------------------------------------------------------------- pace

    @Test
    void theRequiredPaceComparesThePlannedLineWithWhatIsNowNeeded() {
        IndicatorAssessment assessment = assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025,
                List.of(revised(2022, "16.1")), 2023);

        RequiredPace pace = assessment.requiredPace();
        assertThat(pace.plannedPerYear()).isEqualByComparingTo("0.1833"); // (17 − 15.9) / 6
        assertThat(pace.neededPerYear()).isEqualByComparingTo("0.3000"); // (17 − 16.1) / 3
        assertThat(pace.yearsLeft()).isEqualTo(3);
        assertThat(pace.plannedAnnualGrowth()).isEqualByComparingTo("0.0112"); // (17 / 15.9)^(1/6) − 1
    }

    @Test
    void theGrowthRatesAreCompoundAnnualRates() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("5000")),
                new Target(2025, d("8000"), TargetComparison.MORE_THAN), List.of(revised(2022, "6050")), 2023);

        assertThat(assessment.requiredPace().plannedAnnualGrowth()).isEqualByComparingTo("0.0986"); // 1.6^(1/5) − 1
        assertThat(assessment.requiredPace().neededAnnualGrowth()).isEqualByComparingTo("0.0976"); // (8000/6050)^(1/3) − 1
        assertThat(assessment.requiredPace().plannedPerYear()).isEqualByComparingTo("600.0000");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("650.0000");
    }

    @Test
    void theRootIsExactWhereTheRootIsExact() {
        assertThat(IndicatorPolicy.nthRoot(d("1.331"), 3)).isEqualByComparingTo("1.1");
        assertThat(IndicatorPolicy.nthRoot(d("1.21"), 2)).isEqualByComparingTo("1.1");
        assertThat(IndicatorPolicy.nthRoot(d("0.81"), 2)).isEqualByComparingTo("0.9");
        assertThat(IndicatorPolicy.nthRoot(d("1000000"), 6)).isEqualByComparingTo("10");
        assertThat(IndicatorPolicy.annualGrowthRate(d("5000"), d("6050"), 2)).isEqualByComparingTo("0.1000");
    }

    // ---------------------------------------------------------------- projections

    @Test
    void theProjectionFollowsTheLinearTrendOfTheValuesSoFar() {
        // points 2020 100, 2021 110, 2022 118, 2023 133: x̄ 2021.5, ȳ 115.25, Sxy 53.5, Sxx 5 → slope 10.7,
        // 2025: 115.25 + 10.7 × 3.5 = 152.7
        IndicatorAssessment assessment = assess(new Baseline(2020, d("100")),
                new Target(2025, d("150"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "110"), revised(2022, "118"), preliminary(2023, "133")), 2024);

        assertThat(assessment.projection().method()).isEqualTo(ProjectionMethod.LINEAR);
        assertThat(assessment.projection().year()).isEqualTo(2025);
        assertThat(assessment.projection().perYear()).isEqualByComparingTo("10.7000");
        assertThat(assessment.projection().value()).isEqualByComparingTo("152.7000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void withOneValueTheProjectionIsTheStraightLineFromTheBaseline() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("6.0")),
                new Target(2025, d("7"), TargetComparison.AT_LEAST), List.of(revised(2021, "6.2")), 2022);

        assertThat(assessment.linearProjection().perYear()).isEqualByComparingTo("0.2000");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("7.0000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void withOneValueAndNoBaselineThereIsNoTrend() {
        Target target = new Target(2025, d("8000"), TargetComparison.MORE_THAN);

        IndicatorAssessment below = assess(null, target, List.of(revised(2022, "6000")), 2023);
        IndicatorAssessment above = assess(null, target, List.of(revised(2022, "8100")), 2023);

        assertThat(below.projection()).isNull();
        assertThat(below.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
        assertThat(above.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void theCompoundVariantCarriesTheAnnualGrowthRateForward() {
        // 5000 (2020) → 6050 (2022) is 10% a year; 2025: 6050 × 1.1³ = 8052.55. The straight line gives 6050 + 3 × 525.
        Baseline baseline = new Baseline(2020, d("5000"));
        Target target = new Target(2025, d("8000"), TargetComparison.MORE_THAN);
        List<YearValue> values = List.of(revised(2022, "6050"));

        IndicatorAssessment linear = assess(baseline, target, values, 2023);
        IndicatorAssessment compound = assess(baseline, target, values, 2023,
                AssessmentSettings.DEFAULTS.withProjectionMethod(ProjectionMethod.COMPOUND));

        assertThat(linear.compoundProjection().perYear()).isEqualByComparingTo("0.1000");
        assertThat(linear.compoundProjection().value()).isEqualByComparingTo("8052.5500");
        assertThat(linear.linearProjection().value()).isEqualByComparingTo("7625.0000");
        assertThat(linear.projection()).isEqualTo(linear.linearProjection());
        assertThat(linear.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
        assertThat(compound.projection()).isEqualTo(compound.compoundProjection());
        assertThat(compound.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void theCompoundVariantNeedsPositiveValues() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("-2")),
                new Target(2025, d("3"), TargetComparison.AT_LEAST), List.of(revised(2021, "0")), 2022,
                AssessmentSettings.DEFAULTS.withProjectionMethod(ProjectionMethod.COMPOUND));

        assertThat(assessment.compoundProjection()).isNull();
        assertThat(assessment.projection().method()).isEqualTo(ProjectionMethod.LINEAR);
        assertThat(assessment.projection().value()).isEqualByComparingTo("8.0000");
    }

    // ---------------------------------------------------------------- outlook

    @Test
    void aDecliningTrendAgainstARisingTargetIsUnlikelyToMeetIt() {
        // 2020 15.9, 2021 15.8, 2022 15.6: slope −0.15, 2025 → 15.1667, short of 17 by 1.8333 > 0.85;
        // needed (17 − 15.6) / 3 = 0.4667 a year, but the best year so far went down.
        IndicatorAssessment assessment = assess(new Baseline(2020, d("15.9")), BASIC_RESEARCH_2025,
                List.of(revised(2021, "15.8"), revised(2022, "15.6")), 2023);

        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("15.1667");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0.4667");
        assertThat(assessment.bestAnnualChange()).isEqualByComparingTo("-0.1000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void aRisingTrendAgainstAnAtMostTargetIsUnlikelyToMeetIt() {
        // 40, 41, 42: slope 1, 2025 → 45, 10 above 35 (tolerance 1.75); needed −2.3333 a year, never went down.
        IndicatorAssessment assessment = assess(new Baseline(2020, d("40")),
                new Target(2025, d("35"), TargetComparison.AT_MOST),
                List.of(revised(2021, "41"), revised(2022, "42")), 2023);

        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("45.0000");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("-2.3333");
        assertThat(assessment.bestAnnualChange()).isEqualByComparingTo("1.0000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void aShortfallAtAPaceWithinReachIsAtRisk() {
        // 100, 130, 115, 118: slope 3.9, 2025 → 129.4, 20.6 short of 150 (tolerance 7.5);
        // needed (150 − 118) / 2 = 16 a year, within 1.5 × 30 (the best year, 2021).
        IndicatorAssessment assessment = assess(new Baseline(2020, d("100")),
                new Target(2025, d("150"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "130"), revised(2022, "115"), revised(2023, "118")), 2024);

        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("129.4000");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("16.0000");
        assertThat(assessment.bestAnnualChange()).isEqualByComparingTo("30.0000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
    }

    @Test
    void theWarningNeedsAPaceBeyondOneAndAHalfTimesTheBestYearSoFar() {
        // 100, 104, 106: best year +4, so up to 6 a year is within reach. Needed (124 − 106) / 3 = 6 exactly.
        Baseline baseline = new Baseline(2020, d("100"));
        List<YearValue> values = List.of(revised(2021, "104"), revised(2022, "106"));

        IndicatorAssessment atTheLimit = assess(baseline, new Target(2025, d("124"), TargetComparison.AT_LEAST),
                values, 2023);
        IndicatorAssessment justBeyond = assess(baseline, new Target(2025, d("124.03"), TargetComparison.AT_LEAST),
                values, 2023);

        assertThat(atTheLimit.linearProjection().value()).isEqualByComparingTo("115.3333");
        assertThat(atTheLimit.requiredPace().neededPerYear()).isEqualByComparingTo("6.0000");
        assertThat(atTheLimit.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
        assertThat(justBeyond.requiredPace().neededPerYear()).isEqualByComparingTo("6.0100");
        assertThat(justBeyond.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void aProjectionThatMissesByNoMoreThanTheToleranceIsAtRiskNotUnlikely() {
        // 100, 99, 98 against at least 100: 2025 → 95, exactly the tolerance (5) short; the trend never rose.
        IndicatorAssessment assessment = assess(new Baseline(2020, d("100")),
                new Target(2025, d("100"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "99"), revised(2022, "98")), 2023);

        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("95.0000");
        assertThat(assessment.tolerance()).isEqualByComparingTo("5.0000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
    }

    @Test
    void aValueThatMeetsTheTargetButTrendsAwayIsAtRisk() {
        // at least 100, from 110: 108, 105, 102 — all still above, but the line reaches 96.8 in 2025.
        IndicatorAssessment assessment = assess(new Baseline(2020, d("110")),
                new Target(2025, d("100"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "108"), revised(2022, "105"), revised(2023, "102")), 2024);

        assertThat(assessment.latestMeetsTarget()).isTrue();
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("96.8000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
    }

    @Test
    void aTargetMetBeforeTheTargetYearIsOnTrackNotYetMet() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("240")),
                new Target(2025, d("260"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "250"), revised(2022, "262")), 2023);

        assertThat(assessment.latestMeetsTarget()).isTrue();
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void theTargetYearValueDecidesBetweenMetAndMissed() {
        Baseline baseline = new Baseline(2020, d("240"));
        Target target = new Target(2025, d("260"), TargetComparison.AT_LEAST);

        IndicatorAssessment met = assess(baseline, target,
                List.of(revised(2024, "250"), preliminary(2025, "260")), 2026);
        IndicatorAssessment missed = assess(baseline, target,
                List.of(revised(2024, "275"), preliminary(2025, "259.9")), 2026);

        assertThat(met.outlook()).isEqualTo(IndicatorOutlook.MET);
        assertThat(met.requiredPace().neededPerYear()).isNull();
        assertThat(missed.outlook()).isEqualTo(IndicatorOutlook.MISSED);
    }

    @Test
    void aTargetYearPassedWithoutItsValueIsStillProjected() {
        IndicatorAssessment assessment = assess(new Baseline(2020, d("240")),
                new Target(2025, d("260"), TargetComparison.AT_LEAST),
                List.of(revised(2021, "244"), revised(2022, "248"), revised(2023, "252"), revised(2024, "256")), 2026);

        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("260.0000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void theSameFiguresAlwaysGiveTheSameAssessment() {
        List<YearValue> values = List.of(revised(2021, "16.1"), revised(2022, "16.3"), preliminary(2023, "16.2"));
        List<YearValue> shuffled = List.of(preliminary(2023, "16.2"), revised(2021, "16.1"), revised(2022, "16.3"));

        assertThat(assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, values, 2024))
                .isEqualTo(assess(BASIC_RESEARCH_2019, BASIC_RESEARCH_2025, shuffled, 2024));
    }
}
