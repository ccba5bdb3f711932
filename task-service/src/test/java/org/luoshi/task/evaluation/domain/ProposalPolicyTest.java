package org.luoshi.task.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.luoshi.task.indicator.domain.IndicatorOutlook;
import org.luoshi.task.tracking.domain.StatusLight;

class ProposalPolicyTest {
    @Test
    void aTaskBehindScheduleIsProposedForAdjustment() {
        assertThat(ProposalPolicy.ground(StatusLight.RED, null)).contains(ProposalGround.TASK_BEHIND_SCHEDULE);
        assertThat(ProposalPolicy.ground(StatusLight.RED, IndicatorOutlook.UNLIKELY)).contains(ProposalGround.TASK_BEHIND_SCHEDULE);
    }

    @Test
    void anIndicatorUnlikelyToBeMetOrMissedIsProposed() {
        assertThat(ProposalPolicy.ground(null, IndicatorOutlook.UNLIKELY)).contains(ProposalGround.INDICATOR_UNLIKELY);
        assertThat(ProposalPolicy.ground(StatusLight.GREEN, IndicatorOutlook.MISSED)).contains(ProposalGround.INDICATOR_UNLIKELY);
    }

    @Test
    void whatIsOnTrackOrNamesNothingIsNotProposed() {
        assertThat(ProposalPolicy.ground(null, null)).isEmpty();
        assertThat(ProposalPolicy.ground(StatusLight.YELLOW, IndicatorOutlook.AT_RISK)).isEmpty();
        assertThat(ProposalPolicy.ground(StatusLight.GREEN, IndicatorOutlook.ON_TRACK)).isEmpty();
        assertThat(ProposalPolicy.ground(StatusLight.NONE, IndicatorOutlook.NO_DATA)).isEmpty();
    }
}
