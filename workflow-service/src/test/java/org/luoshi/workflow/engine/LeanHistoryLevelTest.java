package org.luoshi.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;

/** The lean levels' names and ids, and what they answer before an instance exists (while a model is parsed). */
class LeanHistoryLevelTest {
    private static final Map<String, Set<String>> MILESTONES = Map.of("milestone-reporting", Set.of("taskId"));

    @Test
    void fullAndNoneAreUsedAsTheyAre() {
        assertThat(LeanHistoryLevel.of("full", MILESTONES)).isEmpty();
        assertThat(LeanHistoryLevel.of("none", MILESTONES)).isEmpty();
    }

    @Test
    void auditAndActivityHaveALeanVariantRecordedUnderItsOwnId() {
        LeanHistoryLevel audit = LeanHistoryLevel.of("audit", MILESTONES).orElseThrow();
        LeanHistoryLevel activity = LeanHistoryLevel.of("ACTIVITY", MILESTONES).orElseThrow();

        assertThat(audit.getName()).isEqualTo("audit-lean");
        assertThat(audit.getId()).isEqualTo(12);
        assertThat(audit.baseId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.getId());
        assertThat(activity.getName()).isEqualTo("activity-lean");
        assertThat(activity.getId()).isEqualTo(11);
        assertThat(audit).isNotEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT);
    }

    @Test
    void withoutAnInstanceItAnswersAsItsBaseSoThatEveryModelKeepsItsHistoryListeners() {
        LeanHistoryLevel audit = LeanHistoryLevel.of("audit", MILESTONES).orElseThrow();
        LeanHistoryLevel activity = LeanHistoryLevel.of("activity", MILESTONES).orElseThrow();

        for (HistoryEventTypes type : HistoryEventTypes.values()) {
            assertThat(audit.isHistoryEventProduced(type, null)).as("audit-lean, " + type)
                    .isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(type, null));
            assertThat(activity.isHistoryEventProduced(type, null)).as("activity-lean, " + type)
                    .isEqualTo(HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(type, null));
        }
    }
}
