package org.luoshi.workflow.engine;

import java.time.Duration;
import java.util.Optional;

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

        /**
         * This node's name among the nodes sharing the workflow database (e.g. the pod's name): recorded as the
         * history's host name and used as the job executor's lock owner.
         */
        Optional<String> nodeId();

        HistoryCleanup historyCleanup();
    }

    /** Camunda's history cleanup: finished processes' history is removed once their time to live has passed. */
    interface HistoryCleanup {
        /** Time to live of the history of a process definition that does not state its own (ISO-8601 days, e.g. P3650D). */
        @WithDefault("P3650D")
        String defaultTimeToLive();

        /** Daily window (HH:mm, the server's time zone) in which the cleanup job runs. */
        @WithDefault("01:00")
        String windowStart();

        @WithDefault("05:00")
        String windowEnd();

        /** Process instances' histories removed per cleanup transaction (Camunda allows up to 500). */
        @WithDefault("500")
        int batchSize();
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

    /**
     * Retry cycles of the engine's jobs by the kind of call a step makes, e.g. {@code R3/PT10S} (three attempts, ten
     * seconds apart) or a comma-separated list of ISO-8601 durations. After the last attempt the job is an incident.
     */
    interface Retry {
        /** A write to task-service under an idempotency key, so that a retry applies it once (record, apply, publish). */
        @WithDefault("R3/PT10S")
        String taskServiceWrite();

        /** A read from task-service whose answer the step acts on here (the milestones to track). */
        @WithDefault("R3/PT10S")
        String taskServiceRead();

        /** A notification written to this service's own database. */
        @WithDefault("R3/PT10S")
        String notification();
    }
}
