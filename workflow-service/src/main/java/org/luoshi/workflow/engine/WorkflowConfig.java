package org.luoshi.workflow.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the embedded engine under {@code luoshi.workflow.*}; see application.properties. */
@ConfigMapping(prefix = "luoshi.workflow")
public interface WorkflowConfig {

    Engine engine();

    JobExecutor jobExecutor();

    Retry retry();

    interface Engine {
        /** Name under which the engine registers itself. */
        @WithDefault("luoshi-workflow")
        String name();

        /** Camunda history level: none, activity, audit or full. */
        @WithDefault("audit")
        String history();

        /** Class-path folder whose *.bpmn files are deployed at start-up. */
        @WithDefault("bpmn")
        String bpmnLocation();
    }

    interface JobExecutor {
        /** Whether this instance runs jobs (async continuations, retries, timers). */
        @WithDefault("true")
        boolean activate();

        /** Idle wait between acquisitions when no job was found (grows up to maxWait). */
        @WithDefault("5S")
        Duration waitTime();

        /** Longest idle wait between acquisitions. */
        @WithDefault("60S")
        Duration maxWait();

        /** How long an acquired job stays locked to this instance. */
        @WithDefault("5M")
        Duration lockTime();

        @WithDefault("3")
        int corePoolSize();

        @WithDefault("10")
        int maxPoolSize();

        @WithDefault("3")
        int queueSize();
    }

    interface Retry {
        /**
         * Retry cycle of the service task that records an acceptance in task-service, e.g. {@code R3/PT10S}
         * (three attempts, ten seconds apart) or a comma-separated list of ISO-8601 durations.
         */
        @WithDefault("R3/PT10S")
        String recordAcceptance();

        /** Retry cycle of applying an approved adjustment in task-service (动态调整), same format. */
        @WithDefault("R3/PT10S")
        String applyAdjustment();

        /** Retry cycle of every call of 规划实施评估 to task-service (create, self-assessment, submission, review, publication). */
        @WithDefault("R3/PT10S")
        String evaluation();
    }
}
