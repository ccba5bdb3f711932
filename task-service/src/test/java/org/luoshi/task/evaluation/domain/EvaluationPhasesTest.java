package org.luoshi.task.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.luoshi.task.shared.domain.RuleViolation;

/** SELF_ASSESSMENT → IN_REVIEW → (RETURNED → IN_REVIEW)* → APPROVED → PUBLISHED, each step guarded by the evaluation. */
class EvaluationPhasesTest {

    private static String codeOf(Runnable step) {
        try {
            step.run();
        } catch (RuleViolation e) {
            return e.code();
        }
        throw new AssertionError("the step was not refused");
    }

    @Test
    void aReportOfOlderInputsIsNotSubmitted() {
        Evaluation evaluation = new Evaluation();

        assertThat(codeOf(() -> evaluation.submit(false, Instant.EPOCH))).isEqualTo("evaluation.report-outdated");
        assertThat(evaluation.status).isEqualTo(EvaluationStatus.SELF_ASSESSMENT);
    }

    @Test
    void aReturnedEvaluationIsSubmittedAgainAndThenPublishedOnceApproved() {
        Evaluation evaluation = new Evaluation();
        evaluation.submit(true, Instant.EPOCH);
        evaluation.review(false, "RETURN", "补充指标分析", "chen.jing", Instant.EPOCH);
        assertThat(evaluation.status).isEqualTo(EvaluationStatus.RETURNED);

        evaluation.submit(true, Instant.EPOCH);
        evaluation.review(true, "APPROVE", null, "chen.jing", Instant.EPOCH);
        evaluation.publish(true, "chen.jing", Instant.EPOCH);

        assertThat(evaluation.status).isEqualTo(EvaluationStatus.PUBLISHED);
    }

    @Test
    void nothingIsReviewedOrPublishedOutOfTurn() {
        Evaluation evaluation = new Evaluation();

        assertThat(codeOf(() -> evaluation.review(true, "APPROVE", null, "chen.jing", Instant.EPOCH)))
                .isEqualTo("evaluation.not-in-review");
        assertThat(codeOf(() -> evaluation.publish(true, "chen.jing", Instant.EPOCH))).isEqualTo("evaluation.not-approved");
        evaluation.submit(true, Instant.EPOCH);
        assertThat(codeOf(() -> evaluation.requireEditable("scores"))).isEqualTo("evaluation.not-editable");
        evaluation.review(true, "APPROVE", null, "chen.jing", Instant.EPOCH);
        assertThat(codeOf(() -> evaluation.publish(false, "chen.jing", Instant.EPOCH))).isEqualTo("evaluation.report-incomplete");
        assertThatThrownBy(() -> evaluation.submit(true, Instant.EPOCH)).isInstanceOf(RuleViolation.class);
    }
}
