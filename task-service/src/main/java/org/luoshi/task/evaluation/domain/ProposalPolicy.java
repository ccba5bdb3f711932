package org.luoshi.task.evaluation.domain;

import java.util.Optional;

import org.luoshi.task.indicator.domain.IndicatorOutlook;
import org.luoshi.task.tracking.domain.StatusLight;

/**
 * Which finding becomes a proposal when the supervising office approves the evaluation: one naming a task behind
 * schedule (RED on the day of approval) or an indicator unlikely to be met (outlook UNLIKELY or MISSED). A finding
 * naming neither, or only what is on track, is part of the report and nothing more.
 */
public final class ProposalPolicy {
    private ProposalPolicy() {
    }

    /** @param taskLight the named task's light today (null when the finding names no task) */
    public static Optional<ProposalGround> ground(StatusLight taskLight, IndicatorOutlook outlook) {
        if (taskLight == StatusLight.RED) {
            return Optional.of(ProposalGround.TASK_BEHIND_SCHEDULE);
        }
        if (outlook == IndicatorOutlook.UNLIKELY || outlook == IndicatorOutlook.MISSED) {
            return Optional.of(ProposalGround.INDICATOR_UNLIKELY);
        }
        return Optional.empty();
    }
}
