package org.luoshi.workflow.engine;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.jboss.logging.Logger;
import org.luoshi.workflow.inbox.readmodel.InboxBackfill;
import org.luoshi.workflow.inbox.readmodel.InboxParseListener;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;

/**
 * Builds the embedded Camunda 7 engine on Quarkus' Agroal datasource and Narayana transaction manager, so engine
 * commands join the caller's JTA transaction when there is one and start their own otherwise.
 */
@ApplicationScoped
public class ProcessEngineProducer {
    private static final Logger LOG = Logger.getLogger(ProcessEngineProducer.class);

    @Inject
    DataSource dataSource;

    @Inject
    TransactionManager transactionManager;

    @Inject
    WorkflowConfig config;

    @Inject
    BpmnDeployer deployer;

    @Inject
    InboxReadModel inboxReadModel;

    @Produces
    @Singleton
    ProcessEngine processEngine() {
        long started = System.nanoTime();
        QuarkusJtaProcessEngineConfiguration configuration = new QuarkusJtaProcessEngineConfiguration();
        configuration.setProcessEngineName(config.engine().name());
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(config.engine().history());
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setExpressionManager(new ArcExpressionManager());
        // Lists and maps (coDepartmentCodes, milestoneDueDates, …) are stored as JSON through Spin, not Java serialization.
        configuration.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
        configuration.setDefaultSerializationFormat("application/json");
        // Entitlement is checked by the services against the caller's token, not by Camunda's authorization.
        configuration.setAuthorizationEnabled(false);
        // The inbox read model: its tables exist before the first task is created, and every user task keeps it in step.
        inboxReadModel.createSchema();
        configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>(List.of(new InboxParseListener(inboxReadModel))));

        WorkflowConfig.JobExecutor jobs = config.jobExecutor();
        QuarkusJobExecutor jobExecutor = new QuarkusJobExecutor();
        jobExecutor.setWaitTimeInMillis(Math.toIntExact(jobs.waitTime().toMillis()));
        jobExecutor.setMaxWait(jobs.maxWait().toMillis());
        jobExecutor.setLockTimeInMillis(Math.toIntExact(jobs.lockTime().toMillis()));
        jobExecutor.setCorePoolSize(jobs.corePoolSize());
        jobExecutor.setMaxPoolSize(jobs.maxPoolSize());
        jobExecutor.setQueueSize(jobs.queueSize());
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(jobs.activate());

        ProcessEngine engine = configuration.buildProcessEngine();
        long built = System.nanoTime();
        deployer.deploy(engine.getRepositoryService(), config.engine().bpmnLocation());
        InboxBackfill.run(engine, dataSource, inboxReadModel);
        LOG.infof("Process engine '%s' ready in %d ms (build %d ms, deployment %d ms); history=%s, job executor %s",
                engine.getName(), (System.nanoTime() - started) / 1_000_000, (built - started) / 1_000_000,
                (System.nanoTime() - built) / 1_000_000, config.engine().history(),
                jobs.activate() ? "active" : "inactive");
        return engine;
    }

    void close(@Disposes ProcessEngine engine) {
        LOG.infof("Closing process engine '%s'", engine.getName());
        engine.close();
    }

    @Produces
    @Singleton
    RuntimeService runtimeService(ProcessEngine engine) {
        return engine.getRuntimeService();
    }

    @Produces
    @Singleton
    TaskService taskService(ProcessEngine engine) {
        return engine.getTaskService();
    }

    @Produces
    @Singleton
    ManagementService managementService(ProcessEngine engine) {
        return engine.getManagementService();
    }

    @Produces
    @Singleton
    HistoryService historyService(ProcessEngine engine) {
        return engine.getHistoryService();
    }

    @Produces
    @Singleton
    IdentityService identityService(ProcessEngine engine) {
        return engine.getIdentityService();
    }

    @Produces
    @Singleton
    RepositoryService repositoryService(ProcessEngine engine) {
        return engine.getRepositoryService();
    }
}
