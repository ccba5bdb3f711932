package org.luoshi.workflow.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;

/**
 * Retry cycles read by the BPMN ({@code camunda:failedJobRetryTimeCycle="${retryPolicy.taskServiceWrite}"}).
 * The engine evaluates the expression each time a job fails; a value it cannot parse would silently fall back to
 * three immediate retries, so {@link #validate()} checks the values at start-up.
 */
@Named("retryPolicy")
@ApplicationScoped
public class RetryPolicy {

    @Inject
    WorkflowConfig config;

    /** Steps that write to task-service under an idempotency key. */
    public String getTaskServiceWrite() {
        return config.retry().taskServiceWrite();
    }

    /** Steps that read from task-service and act on the answer here. */
    public String getTaskServiceRead() {
        return config.retry().taskServiceRead();
    }

    /** Steps that write a notification to this service's database. */
    public String getNotification() {
        return config.retry().notification();
    }

    /** Fails start-up when a configured cycle is not a valid ISO-8601 repetition or list of durations. */
    public void validate() {
        check("luoshi.workflow.retry.task-service-write", getTaskServiceWrite());
        check("luoshi.workflow.retry.task-service-read", getTaskServiceRead());
        check("luoshi.workflow.retry.notification", getNotification());
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
