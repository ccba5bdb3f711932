package org.luoshi.task.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ReportTextTest {

    @Test
    void sectionNumbersAreChineseNumerals() {
        assertThat(ReportText.chineseNumber(1)).isEqualTo("一");
        assertThat(ReportText.chineseNumber(10)).isEqualTo("十");
        assertThat(ReportText.chineseNumber(11)).isEqualTo("十一");
        assertThat(ReportText.chineseNumber(20)).isEqualTo("二十");
        assertThat(ReportText.chineseNumber(45)).isEqualTo("四十五");
    }

    @Test
    void computedValuesKeepAtMostTwoDecimalsAndPacesCarryTheirSign() {
        assertThat(ReportText.computed(new BigDecimal("7.3333"))).isEqualTo("7.33");
        assertThat(ReportText.computed(new BigDecimal("10394.7500"))).isEqualTo("10394.75");
        assertThat(ReportText.computed(new BigDecimal("1.2E+3"))).isEqualTo("1200");
        assertThat(ReportText.signed(new BigDecimal("0.1333"))).isEqualTo("+0.13");
        assertThat(ReportText.signed(new BigDecimal("-0.18"))).isEqualTo("-0.18");
        assertThat(ReportText.signed(new BigDecimal("0.001"))).isEqualTo("0");
    }

    @Test
    void missingValuesPrintAsADash() {
        assertThat(ReportText.number(null)).isEqualTo("—");
        assertThat(ReportText.percent(null)).isEqualTo("—");
        assertThat(ReportText.signed(null)).isEqualTo("—");
        assertThat(ReportText.date(null)).isEqualTo("—");
        assertThat(ReportText.text("  ")).isEqualTo("—");
        assertThat(ReportText.share(3, 0)).isEqualTo("—");
    }

    @Test
    void datesAreWrittenTheChineseWay() {
        assertThat(ReportText.date(LocalDate.of(2023, 6, 30))).isEqualTo("2023年6月30日");
    }

    @Test
    void targetsArePhrasedAsInThePlan() {
        BigDecimal six = new BigDecimal("6.0");
        assertThat(ReportComposer.targetText(six, "ABOUT", "%")).isEqualTo("6.0%左右");
        assertThat(ReportComposer.targetText(six, "AT_LEAST", "万家")).isEqualTo("≥6.0万家");
        assertThat(ReportComposer.targetText(six, "MORE_THAN", "")).isEqualTo("＞6.0");
        assertThat(ReportComposer.targetText(six, "AT_MOST", "")).isEqualTo("≤6.0");
        assertThat(ReportComposer.targetText(six, null, "%")).isEqualTo("6.0%");
        assertThat(ReportComposer.targetText(null, "ABOUT", "%")).isEqualTo("—");
    }
}
