package org.luoshi.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StableEngineReads} counted on two in-memory engines doing the same steps, one with the engine's defaults and one
 * with the plugin: the statements each sends (every {@code prepareStatement}), and that what the skipped reads guarded
 * still holds — a failed job's incident is opened, resolved and deleted as before, a new version is found by its key.
 */
class StableEngineReadsTest {
    private static final String KEY = "stable-reads";
    private static final String DEFINITION_BY_ID = "from ACT_RE_PROCDEF where ID_";
    private static final String JOB_DEFINITION_BY_ID = "from ACT_RU_JOBDEF where ID_";
    private static final String INCIDENT_BY_JOB = "from ACT_RU_INCIDENT I where I.CONFIGURATION_";

    private static final Engine DEFAULTS = new Engine("stable-reads-defaults", false);
    private static final Engine STABLE = new Engine("stable-reads-plugin", true);
    static final AtomicBoolean FAIL = new AtomicBoolean();

    @BeforeEach
    void succeed() {
        FAIL.set(false);
    }

    @AfterAll
    static void close() {
        DEFAULTS.engine.close();
        STABLE.engine.close();
    }

    @Test
    void aDeployedDefinitionIsNotReadAgainByTheCommandsOfItsInstances() {
        int byDefault = DEFAULTS.cycle(DEFINITION_BY_ID);
        int stable = STABLE.cycle(DEFINITION_BY_ID);

        assertThat(byDefault).as("the engine's own: once per command that loads an execution").isGreaterThanOrEqualTo(2);
        assertThat(stable).isZero();
    }

    @Test
    void aJobDoneWithItsRetriesLeftLooksForNoIncident() {
        int byDefault = DEFAULTS.cycle(INCIDENT_BY_JOB);
        int stable = STABLE.cycle(INCIDENT_BY_JOB);

        assertThat(byDefault).as("the engine's own: the step's job and the timer ended with the instance").isEqualTo(2);
        assertThat(stable).isZero();
    }

    @Test
    void aJobDefinitionIsReadOncePerNodeAndItsJobsStillCarryItsFields() {
        int byDefault = DEFAULTS.cycle(JOB_DEFINITION_BY_ID);
        int stable = STABLE.cycle(JOB_DEFINITION_BY_ID);
        ProcessInstance instance = STABLE.startAndReachTheStep();
        Job step = STABLE.job(instance);

        assertThat(byDefault).as("the engine's own: the job executed and the next ones").isGreaterThanOrEqualTo(1);
        assertThat(stable).isZero();
        assertThat(step.getProcessDefinitionKey()).isEqualTo(KEY);
        assertThat(step.getProcessDefinitionId()).isEqualTo(instance.getProcessDefinitionId());
        assertThat(step.getDeploymentId()).isNotNull();
        assertThat(step.isSuspended()).isFalse();
        assertThat(STABLE.engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(step.getJobDefinitionId())
                .singleResult().getActivityId()).isEqualTo("record");
    }

    @Test
    void aFailedJobsIncidentIsOpenedAndResolvedWhenItsRetriesAreSetAgain() {
        ProcessInstance instance = STABLE.startAndReachTheStep();
        Job step = STABLE.failUntilIncident(instance);
        assertThat(STABLE.openIncidents(instance)).isEqualTo(1);

        STABLE.engine.getManagementService().setJobRetries(step.getId(), 1);
        assertThat(STABLE.openIncidents(instance)).as("resolved by new retries").isZero();
        FAIL.set(false);
        STABLE.engine.getManagementService().executeJob(step.getId());

        assertThat(STABLE.engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("review");
        assertThat(STABLE.historicIncident(instance).isResolved()).isTrue();
    }

    @Test
    void aFailedJobsIncidentIsDeletedWithItsInstance() {
        ProcessInstance instance = STABLE.startAndReachTheStep();
        STABLE.failUntilIncident(instance);

        STABLE.engine.getRuntimeService().deleteProcessInstance(instance.getId(), "withdrawn");

        assertThat(STABLE.openIncidents(instance)).isZero();
        assertThat(STABLE.historicIncident(instance).isDeleted()).isTrue();
    }

    @Test
    void aNewVersionDeployedLaterIsStartedByItsKey() {
        String first = STABLE.startAndReachTheStep().getProcessDefinitionId();
        STABLE.deploy(Bpmn.createExecutableProcess(KEY).startEvent().userTask("v2").endEvent().done());

        ProcessInstance second = STABLE.engine.getRuntimeService().startProcessInstanceByKey(KEY);

        assertThat(second.getProcessDefinitionId()).isNotEqualTo(first);
        assertThat(STABLE.engine.getTaskService().createTaskQuery().processInstanceId(second.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("v2");
        STABLE.deploy(STABLE.model());
    }

    @Test
    void anUnknownDefinitionIsStillRefused() {
        assertThatThrownBy(() -> STABLE.engine.getRuntimeService().startProcessInstanceById("no-such-definition"))
                .hasMessageContaining("no-such-definition");
    }

    /** Fails while {@link #FAIL} is set. */
    public static class Step implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            if (FAIL.get()) {
                throw new IllegalStateException("task-service is down");
            }
        }
    }

    /** An in-memory engine whose statements are recorded. */
    private static final class Engine {
        final List<String> statements = new CopyOnWriteArrayList<>();
        final ProcessEngine engine;

        Engine(String name, boolean stable) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setProcessEngineName(name);
            configuration.setDataSource(recording(h2));
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(false);
            if (stable) {
                configuration.getProcessEnginePlugins().add(new StableEngineReads());
            }
            engine = configuration.buildProcessEngine();
            deploy(model());
        }

        /** A report, its asynchronous recording, a review, ended by a terminate event that ends the reminder's timer too. */
        BpmnModelInstance model() {
            BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).startEvent().parallelGateway("split")
                    .userTask("report").camundaCandidateGroups("dept-transport")
                    .serviceTask("record").camundaAsyncBefore().camundaClass(Step.class.getName())
                    .userTask("review").endEvent("approved")
                    .moveToNode("split").intermediateCatchEvent("reminder").timerWithDuration("P7D").endEvent()
                    .done();
            EndEvent approved = model.getModelElementById("approved");
            approved.getEventDefinitions().add(model.newInstance(TerminateEventDefinition.class));
            return model;
        }

        void deploy(BpmnModelInstance model) {
            engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model).deploy();
        }

        /** The statements matching {@code sql} over one instance's cycle after its start. */
        int cycle(String sql) {
            ProcessInstance instance = startAndReachTheStep();
            statements.clear();
            engine.getManagementService().executeJob(job(instance).getId());
            complete(instance, "review");
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
                    .as("ended").isZero();
            return (int) statements.stream().filter(s -> s.contains(sql)).count();
        }

        ProcessInstance startAndReachTheStep() {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY);
            complete(instance, "report");
            return instance;
        }

        Job failUntilIncident(ProcessInstance instance) {
            FAIL.set(true);
            Job step = job(instance);
            engine.getManagementService().setJobRetries(step.getId(), 1);
            assertThatThrownBy(() -> engine.getManagementService().executeJob(step.getId()))
                    .hasMessageContaining("task-service is down");
            return step;
        }

        long openIncidents(ProcessInstance instance) {
            return engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count();
        }

        HistoricIncident historicIncident(ProcessInstance instance) {
            return engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance.getId())
                    .singleResult();
        }

        Job job(ProcessInstance instance) {
            return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId("record")
                    .singleResult();
        }

        private void complete(ProcessInstance instance, String activity) {
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(activity).singleResult().getId();
            engine.getTaskService().complete(task);
        }

        private DataSource recording(DataSource target) {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
                    forward(target, (proxy, method, args) -> {
                        Object result = method.invoke(target, args);
                        return result instanceof Connection connection ? recording(connection) : result;
                    }));
        }

        private Connection recording(Connection target) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    forward(target, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            statements.add(String.valueOf(args[0]).replaceAll("\\s+", " "));
                        }
                        return method.invoke(target, args);
                    }));
        }

        /** Unwraps the target's exceptions, so that the engine sees the driver's own. */
        private static InvocationHandler forward(Object target, InvocationHandler handler) {
            return (proxy, method, args) -> {
                try {
                    return handler.invoke(proxy, method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
        }
    }
}
