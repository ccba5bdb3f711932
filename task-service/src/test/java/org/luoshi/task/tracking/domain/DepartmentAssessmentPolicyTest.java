package org.luoshi.task.tracking.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.DatedFact;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.Figures;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.LightFact;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.MilestoneFact;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.Period;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.Timeliness;

class DepartmentAssessmentPolicyTest {
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate JUN_30 = LocalDate.of(2025, 6, 30);
    private static final Period H1 = new Period(JAN_1, JUN_30);

    @Test
    void aReportOnTheDueDateIsOnTimeAndADayAfterIsLate() {
        LocalDate due = LocalDate.of(2025, 3, 31);
        assertThat(DepartmentAssessmentPolicy.timeliness(due, due, JUN_30)).isEqualTo(Timeliness.ON_TIME);
        assertThat(DepartmentAssessmentPolicy.timeliness(due, due.plusDays(1), JUN_30)).isEqualTo(Timeliness.LATE);
        assertThat(DepartmentAssessmentPolicy.daysLate(due, due.plusDays(1), JUN_30)).isEqualTo(1);
    }

    @Test
    void aReportAfterTheAsOfDayIsStillMissingOnThatDay() {
        LocalDate due = LocalDate.of(2025, 6, 1);
        assertThat(DepartmentAssessmentPolicy.timeliness(due, LocalDate.of(2025, 7, 5), JUN_30))
                .isEqualTo(Timeliness.MISSING);
        assertThat(DepartmentAssessmentPolicy.daysLate(due, LocalDate.of(2025, 7, 5), JUN_30)).isEqualTo(29);
    }

    @Test
    void aMilestoneDueOnTheAsOfDayIsNotYetJudged() {
        assertThat(DepartmentAssessmentPolicy.timeliness(JUN_30, null, JUN_30)).isEqualTo(Timeliness.NOT_DUE);
        assertThat(DepartmentAssessmentPolicy.timeliness(JUN_30.minusDays(1), null, JUN_30)).isEqualTo(Timeliness.MISSING);
    }

    @Test
    void aRunningPeriodIsJudgedAsOfToday() {
        assertThat(H1.asOf(LocalDate.of(2025, 4, 10))).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(H1.asOf(LocalDate.of(2026, 1, 1))).isEqualTo(JUN_30);
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new Period(JUN_30, JAN_1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A known history, checked by hand: haidian has five milestones due in the first half of 2025 — one reported on
     * time, one 10 days late, one 20 days late, one never reported (due 2025-06-10: 20 days missing on 2025-06-30) and
     * one due on 2025-06-30 (not judged) — plus one due in July and one in 2024, outside the period. Average days late
     * = (10 + 20 + 20) / 3 = 16.7. One report was returned in the period and one before it; today its tasks are red
     * and green.
     */
    @Test
    void aKnownHistoryGivesTheHandCheckedFigures() {
        List<MilestoneFact> milestones = List.of(
                new MilestoneFact("haidian", LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 20)),
                new MilestoneFact("haidian", LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 10)),
                new MilestoneFact("haidian", LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 20)),
                new MilestoneFact("haidian", LocalDate.of(2025, 6, 10), null),
                new MilestoneFact("haidian", JUN_30, null),
                new MilestoneFact("haidian", LocalDate.of(2025, 7, 15), null),
                new MilestoneFact("haidian", LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 20)),
                new MilestoneFact("drc", LocalDate.of(2025, 5, 31), LocalDate.of(2025, 5, 31)));
        List<DatedFact> returned = List.of(new DatedFact("haidian", LocalDate.of(2025, 4, 2)),
                new DatedFact("haidian", LocalDate.of(2024, 12, 1)));
        List<LightFact> lights = List.of(new LightFact("haidian", StatusLight.RED),
                new LightFact("haidian", StatusLight.GREEN), new LightFact("chaoyang", StatusLight.YELLOW),
                new LightFact("chaoyang", StatusLight.NONE));

        Map<String, Figures> figures = DepartmentAssessmentPolicy.assess(H1, LocalDate.of(2025, 12, 5), milestones,
                returned, lights);

        assertThat(figures).containsOnlyKeys("chaoyang", "drc", "haidian");
        assertThat(figures.get("haidian")).isEqualTo(new Figures("haidian", 1, 2, 1, 1, new BigDecimal("16.7"), 1, 1,
                0, 1));
        assertThat(figures.get("drc")).isEqualTo(new Figures("drc", 1, 0, 0, 0, null, 0, 0, 0, 0));
        assertThat(figures.get("chaoyang")).isEqualTo(new Figures("chaoyang", 0, 0, 0, 0, null, 0, 0, 1, 0));
    }
}
