package org.luoshi.workflow.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * One in-memory engine (H2) for every process unit test: no Quarkus, no PostgreSQL, no Keycloak. Beans the BPMN names
 * ({@code ${recordAcceptanceDelegate}}, {@code ${retryPolicy.x}}, {@code ${ladder.fireAt(…)}}) are resolved by name
 * from {@link Mocks}, so a test registers what the process calls and never imports the production delegate.
 * Configured as production configures it where it changes what a process does: JSON (Spin) for list and map
 * variables, full history, no job executor (the test executes the due jobs itself, after moving the clock).
 */
public final class ProcessTestEngine {
    /** The retry cycles the tests' BPMN expressions read; a failing job is retried after 10 minutes, twice. */
    public static final String RETRY_CYCLE = "R2/PT10M";

    private static final java.util.Set<String> SCOPES = java.util.Set.of("subProcess", "multiInstanceBody");

    private static ProcessEngine engine;

    private ProcessTestEngine() {
    }

    public static synchronized ProcessEngine engine() {
        if (engine == null) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName("luoshi-process-tests");
            configuration.setJdbcUrl("jdbc:h2:mem:luoshi-process-tests;DB_CLOSE_DELAY=-1");
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
            configuration.setDefaultSerializationFormat("application/json");
            configuration.getProcessEnginePlugins().add(new org.luoshi.workflow.engine.StableEngineReads());
            configuration.getProcessEnginePlugins().add(new org.luoshi.workflow.workitem.EagerJobs.HeldBackJobs());
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(FlowCoverage.PARSE_LISTENER)));
            engine = configuration.buildProcessEngine();
        }
        return engine;
    }

    /**
     * Camunda's JUnit 5 extension on the shared engine: deploys the test class's {@code @Deployment}, removes it with
     * its instances after each test and resets the clock.
     */
    public static ProcessEngineExtension extension() {
        ProcessEngine processEngine = engine();
        BpmnAwareTests.init(processEngine);
        return ProcessEngineExtension.builder().useProcessEngine(processEngine).build();
    }

    /**
     * Registers the beans every process needs besides its delegates: the retry policy. A test registers its delegates
     * with {@link RecordingDelegate#register(String)}.
     */
    public static void registerCommonBeans() {
        Mocks.reset();
        Mocks.register("retryPolicy", ANY_RETRY_POLICY);
    }

    /**
     * {@code ${retryPolicy.anyKind}} reads {@link #RETRY_CYCLE}: the tests do not repeat the policy's names;
     * ProcessNamesInBpmnTest checks each one the BPMN reads against the real bean.
     */
    private static final Map<String, String> ANY_RETRY_POLICY = new java.util.AbstractMap<>() {
        @Override
        public String get(Object kindOfCall) {
            return RETRY_CYCLE;
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            return java.util.Set.of();
        }
    };

    public static ManagementService management() {
        return engine().getManagementService();
    }

    public static void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Executes every job of the instance that is due at the engine's clock (async continuations, timers whose time has
     * come), and the jobs those create, until none is due. A failing job propagates its exception.
     */
    public static void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management().createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management().executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs of " + processInstanceId + " kept becoming due after 100 rounds");
    }

    /** Moves the clock to {@code at} and runs what is due then. */
    public static void advanceTo(Instant at, String processInstanceId) {
        setClock(at);
        runDueJobs(processInstanceId);
    }

    /**
     * Runs the due jobs expecting the one at {@code activityId} to fail, and checks the engine rescheduled it per the
     * BPMN's {@code failedJobRetryTimeCycle} (its {@code ${retryPolicy.x}} expression resolved to {@link #RETRY_CYCLE}):
     * one attempt left, due ten minutes later. Returns the job.
     */
    public static Job failsAndIsRetriedPerPolicy(String processInstanceId, String activityId) {
        Instant failedAt = now();
        try {
            runDueJobs(processInstanceId);
            throw new AssertionError("no job failed at " + activityId);
        } catch (RuntimeException expected) {
            // the stand-in's failure, as the job executor would see it
        }
        Job job = management().createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
        if (job == null) {
            throw new AssertionError("no job at " + activityId + " after the failure");
        }
        if (job.getRetries() != 1 || job.getDuedate() == null
                || job.getDuedate().toInstant().isBefore(failedAt.plus(java.time.Duration.ofMinutes(10)))) {
            throw new AssertionError("the job at " + activityId + " was not rescheduled per " + RETRY_CYCLE + ": retries "
                    + job.getRetries() + ", due " + job.getDuedate());
        }
        return job;
    }

    /**
     * Where the instance waits: the activity ids of the leaves of its activity instance tree (user tasks, timers,
     * async continuations), one per waiting token, sorted. Enclosing scopes (subprocesses, multi-instance bodies) are
     * left out, so a test names the wait states only.
     */
    public static List<String> waitingAt(String processInstanceId) {
        ActivityInstance root = engine().getRuntimeService().getActivityInstance(processInstanceId);
        List<String> leaves = new ArrayList<>();
        if (root != null) {
            collectLeaves(root, leaves);
        }
        leaves.sort(null);
        return leaves;
    }

    private static void collectLeaves(ActivityInstance instance, List<String> leaves) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            // a finished instance of a parallel multi-instance subprocess stays, inactive, until all have finished
            if (!SCOPES.contains(transition.getActivityType())) {
                leaves.add(transition.getActivityId());
            }
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                if (!SCOPES.contains(child.getActivityType())) {
                    leaves.add(child.getActivityId());
                }
            } else {
                collectLeaves(child, leaves);
            }
        }
    }

    /** The pending timer jobs of the instance, by the activity that waits on them. */
    public static Map<String, Date> timers(String processInstanceId) {
        Map<String, Date> timers = new java.util.TreeMap<>();
        for (Job job : management().createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            String activity = management().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult().getActivityId();
            timers.put(activity, job.getDuedate());
        }
        return timers;
    }
}
