package org.luoshi.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;

/**
 * Retry cycles read by the BPMN ({@code camunda:failedJobRetryTimeCycle="${retryPolicy.recordAcceptance}"}).
 * The engine evaluates the expression each time a job fails; a value it cannot parse would silently fall back to
 * three immediate retries, so {@link #validate()} checks the values at start-up.
 */
@Named("retryPolicy")
@ApplicationScoped
public class RetryPolicy {

    @Inject
    WorkflowConfig config;

    public String getRecordAcceptance() {
        return config.retry().recordAcceptance();
    }

    public String getApplyAdjustment() {
        return config.retry().applyAdjustment();
    }

    public String getEvaluation() {
        return config.retry().evaluation();
    }

    /** Fails start-up when a configured cycle is not a valid ISO-8601 repetition or list of durations. */
    public void validate() {
        check("luoshi.workflow.retry.record-acceptance", getRecordAcceptance());
        check("luoshi.workflow.retry.apply-adjustment", getApplyAdjustment());
        check("luoshi.workflow.retry.evaluation", getEvaluation());
    }

    private static void check(String key, String cycle) {
        if (cycle == null || cycle.isBlank()) {
            throw new IllegalStateException(key + " must not be empty");
        }
        for (String interval : cycle.split(",")) {
            try {
                new DurationHelper(interval.trim());
            } catch (Exception e) {
                throw new IllegalStateException(key + "=" + cycle + " is not an ISO-8601 retry cycle such as R3/PT10S", e);
            }
        }
    }
}
