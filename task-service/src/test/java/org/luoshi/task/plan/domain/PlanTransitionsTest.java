package org.luoshi.task.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.luoshi.task.shared.domain.RuleViolation;

/** A plan goes DRAFT → IN_FORCE → CLOSED and never back. */
class PlanTransitionsTest {

    @Test
    void aConfirmedDraftIsInForce() {
        Plan plan = new Plan();

        plan.confirm("chen.jing", Instant.EPOCH);

        assertThat(plan.status).isEqualTo(PlanStatus.IN_FORCE);
        assertThat(plan.confirmedBy).isEqualTo("chen.jing");
    }

    @Test
    void onlyADraftIsConfirmed() {
        Plan plan = new Plan();
        plan.confirm("chen.jing", Instant.EPOCH);

        assertThatThrownBy(() -> plan.confirm("chen.jing", Instant.EPOCH))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan.not-draft"));
    }

    @Test
    void aPlanNeitherSkipsAPhaseNorGoesBack() {
        Plan plan = new Plan();

        assertThatThrownBy(() -> plan.moveTo(PlanStatus.CLOSED))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan.status-order"));
        plan.moveTo(PlanStatus.IN_FORCE);
        plan.moveTo(PlanStatus.CLOSED);
        assertThatThrownBy(() -> plan.moveTo(PlanStatus.IN_FORCE)).isInstanceOf(RuleViolation.class);
        assertThat(plan.status).isEqualTo(PlanStatus.CLOSED);
    }
}
