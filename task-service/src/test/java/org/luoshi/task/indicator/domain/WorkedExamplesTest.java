package org.luoshi.task.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luoshi.task.indicator.domain.ValueRevision.PRELIMINARY;
import static org.luoshi.task.indicator.domain.ValueRevision.REVISED;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/indicator-method.md, so the document cannot drift from the code. Baselines and targets
 * quoted from the plan text are real; the yearly values are illustrative.
 */
class WorkedExamplesTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static YearValue value(int year, String value, ValueRevision revision) {
        return new YearValue(year, d(value), revision);
    }

    private static final Indicator RD_INTENSITY = new Indicator("全社会研发经费支出占地区生产总值比重", "%",
            IndicatorKind.EXPECTED, new Baseline(2020, d("6")), new Target(2025, d("6"), TargetComparison.ABOUT),
            List.of(value(2021, "6.1", REVISED), value(2022, "5.9", REVISED), value(2023, "5.8", PRELIMINARY)));

    @Test
    void theResearchIntensityExampleHoldsAboutSixPercentButTrendsOutOfTheBand() {
        IndicatorAssessment assessment = RD_INTENSITY.assess(2024);

        assertThat(assessment.direction()).isEqualTo(Direction.HOLD);
        assertThat(assessment.tolerance()).isEqualByComparingTo("0.3000");
        assertThat(assessment.latestMeetsTarget()).isTrue();
        assertThat(assessment.progressToTarget()).isNull();
        assertThat(assessment.requiredPace().plannedPerYear()).isEqualByComparingTo("0.0000");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0.1000");
        assertThat(assessment.linearProjection().perYear()).isEqualByComparingTo("-0.0800");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("5.6700");
        assertThat(assessment.compoundProjection().value()).isEqualByComparingTo("5.6704");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
    }

    @Test
    void theResearchIntensityExampleTurnsUnlikelyWhenTheLastYearIsRevisedDown() {
        List<YearValue> values = List.of(value(2021, "6.1", REVISED), value(2022, "5.9", REVISED),
                value(2023, "5.8", PRELIMINARY), value(2023, "5.6", REVISED));
        IndicatorAssessment assessment = IndicatorPolicy.assess(RD_INTENSITY.baseline(), RD_INTENSITY.target(),
                values, 2024);

        assertThat(assessment.latestValue()).isEqualByComparingTo("5.6");
        assertThat(assessment.latestMeetsTarget()).isFalse();
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("5.4100");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0.2000");
        assertThat(assessment.bestAnnualChange()).isEqualByComparingTo("0.1000");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void aBaselineAboveAnAboutTargetReadsAsAWayDown() {
        // The literal reading documented as an open question: from 6.44, "about 6%" means coming down to ≤ 6.30.
        IndicatorAssessment assessment = IndicatorPolicy.assess(new Baseline(2020, d("6.44")), RD_INTENSITY.target(),
                List.of(value(2021, "6.53", REVISED), value(2022, "6.83", REVISED)), 2023);

        assertThat(assessment.direction()).isEqualTo(Direction.DOWN);
        assertThat(assessment.progressToTarget()).isEqualByComparingTo("-0.8864");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("7.3800");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void theSameBaselineAboveTheTargetDeclaredUpwardsKeepsAtLeastAboutSixAndIsOnTrack() {
        // 保持在6%左右 as the importer reads it (DirectionDefaults): UP, "keep at least about 6"
        IndicatorAssessment assessment = IndicatorPolicy.assess(Direction.UP, new Baseline(2020, d("6.44")),
                RD_INTENSITY.target(), List.of(value(2021, "6.53", REVISED), value(2022, "6.83", REVISED)), 2023,
                AssessmentSettings.DEFAULTS);

        assertThat(assessment.direction()).isEqualTo(Direction.UP);
        assertThat(assessment.latestMeetsTarget()).isTrue();
        assertThat(assessment.progressToTarget()).as("no distance to cover: the baseline already meets it").isNull();
        assertThat(assessment.requiredPace().plannedPerYear()).as("no way down is planned").isEqualByComparingTo("0");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("7.3800");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void declaredUpwardsAResearchIntensityFallingThroughTheBandIsStillWarned() {
        IndicatorAssessment assessment = IndicatorPolicy.assess(Direction.UP, new Baseline(2020, d("6.44")),
                RD_INTENSITY.target(), List.of(value(2021, "6.0", REVISED), value(2022, "5.5", REVISED)), 2023,
                AssessmentSettings.DEFAULTS);

        assertThat(assessment.latestMeetsTarget()).isFalse();
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0.1667");
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.UNLIKELY);
    }

    @Test
    void declaredHoldTheBandIsTwoSidedWhateverTheBaseline() {
        IndicatorAssessment assessment = IndicatorPolicy.assess(Direction.HOLD, new Baseline(2020, d("6.44")),
                RD_INTENSITY.target(), List.of(value(2021, "6.53", REVISED), value(2022, "6.83", REVISED)), 2023,
                AssessmentSettings.DEFAULTS);

        assertThat(assessment.direction()).isEqualTo(Direction.HOLD);
        assertThat(assessment.latestMeetsTarget()).isFalse();
        assertThat(assessment.progressToTarget()).isNull();
        assertThat(assessment.outlook()).isNotIn(IndicatorOutlook.ON_TRACK, IndicatorOutlook.MET);
    }

    @Test
    void aDeclaredDirectionDoesNotTurnAnAtLeastTargetAround() {
        Target atLeast = new Target(2025, d("8000"), TargetComparison.AT_LEAST);
        IndicatorAssessment assessment = IndicatorPolicy.assess(Direction.DOWN, new Baseline(2020, d("5000")), atLeast,
                List.of(value(2021, "5500", REVISED)), 2022, AssessmentSettings.DEFAULTS);

        assertThat(assessment.direction()).isEqualTo(Direction.UP);
        assertThat(assessment.progressToTarget()).isEqualByComparingTo("0.1667");
    }

    @Test
    void theBasicResearchExampleIsOnTrackFromItsRealBaseline() {
        Indicator basicResearch = new Indicator("基础研究经费占全社会研发经费比重", "%", IndicatorKind.EXPECTED,
                new Baseline(2019, d("15.9")), new Target(2025, d("17"), TargetComparison.ABOUT),
                List.of(value(2020, "16.0", REVISED), value(2021, "16.1", REVISED), value(2022, "16.3", REVISED),
                        value(2023, "16.4", PRELIMINARY)));

        IndicatorAssessment assessment = basicResearch.assess(2024);

        assertThat(assessment.tolerance()).isEqualByComparingTo("0.8500");
        assertThat(assessment.progressToTarget()).isEqualByComparingTo("0.4545");
        assertThat(assessment.requiredPace().plannedPerYear()).isEqualByComparingTo("0.1833");
        assertThat(assessment.requiredPace().neededPerYear()).isEqualByComparingTo("0.3000");
        assertThat(assessment.linearProjection().perYear()).isEqualByComparingTo("0.1300");
        assertThat(assessment.linearProjection().value()).isEqualByComparingTo("16.6600");
        assertThat(assessment.latestMeetsTarget()).isTrue();
        assertThat(assessment.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }

    @Test
    void theTechnologyContractExampleDependsOnTheProjectionMethod() {
        Indicator contracts = new Indicator("技术合同成交额", "亿元", IndicatorKind.EXPECTED,
                new Baseline(2020, d("5000")), new Target(2025, d("8000"), TargetComparison.MORE_THAN),
                List.of(value(2021, "5500", REVISED), value(2022, "6050", REVISED)));

        IndicatorAssessment linear = contracts.assess(2023);
        IndicatorAssessment compound = contracts.assess(2023,
                AssessmentSettings.DEFAULTS.withProjectionMethod(ProjectionMethod.COMPOUND));

        assertThat(linear.linearProjection().perYear()).isEqualByComparingTo("525.0000");
        // least squares through 5000, 5500, 6050: ȳ 5516.6667 in 2021, + 4 × 525
        assertThat(linear.linearProjection().value()).isEqualByComparingTo("7616.6667");
        assertThat(linear.tolerance()).isEqualByComparingTo("400.0000");
        assertThat(linear.outlook()).isEqualTo(IndicatorOutlook.AT_RISK);
        assertThat(compound.compoundProjection().perYear()).isEqualByComparingTo("0.1000");
        assertThat(compound.compoundProjection().value()).isEqualByComparingTo("8052.5500");
        assertThat(compound.outlook()).isEqualTo(IndicatorOutlook.ON_TRACK);
    }
}
