package org.luoshi.workflow.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;

/**
 * The lead's report key follows from the instance and the round, so new instances do not store it; an instance started
 * before stored the same key beside its round, and one holding a key without a round still answers it.
 */
class LeadReportKeyTest {
    private static final String PI = "c0ffee00-0000-4000-8000-000000000001";

    @Test
    void theKeyIsTheInstanceAndTheRound() {
        MilestoneReportingVariables v = MilestoneReportingVariables.of(Map.<String, Object>of(
                MilestoneReportingProcess.VAR_REPORT_ROUND, 2)::get);

        assertThat(v.leadReportKey(PI)).isEqualTo(PI + ":lead:2");
    }

    @Test
    void anOlderInstanceStoredTheSameKeyBesideItsRoundAndTheRoundDecides() {
        MilestoneReportingVariables v = MilestoneReportingVariables.of(Map.<String, Object>of(
                MilestoneReportingProcess.VAR_REPORT_ROUND, 2, MilestoneReportingProcess.VAR_REPORT_KEY, PI + ":lead:1")::get);

        assertThat(v.leadReportKey(PI)).as("a key left from round 1 is not the report under review").isEqualTo(PI + ":lead:2");
    }

    @Test
    void aStoredKeyWithoutARoundIsAnsweredAndNoReportIsNoKey() {
        assertThat(MilestoneReportingVariables.of(Map.<String, Object>of(MilestoneReportingProcess.VAR_REPORT_KEY, "k1")::get)
                .leadReportKey(PI)).isEqualTo("k1");
        assertThat(MilestoneReportingVariables.of(Map.<String, Object>of()::get).leadReportKey(PI)).isNull();
    }
}
