package org.luoshi.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

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

    /**
     * Several nodes share one database. Camunda creates and upgrades its schema without a lock of its own, so two
     * nodes starting together on an empty (or older) database would both run the DDL and one would fail; the nodes
     * therefore build the engine, deploy and backfill one after the other under this session-level advisory lock.
     * A node that dies meanwhile releases it with its connection.
     */
    static final long STARTUP_LOCK = 7410222L;

    @Produces
    @Singleton
    ProcessEngine processEngine() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long waited = System.nanoTime();
            statement.execute("select pg_advisory_lock(" + STARTUP_LOCK + ")");
            LOG.debugf("start-up lock taken after %d ms", (System.nanoTime() - waited) / 1_000_000);
            try {
                upgradeHistoryLevel(connection);
                return buildAndDeploy();
            } finally {
                statement.execute("select pg_advisory_unlock(" + STARTUP_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the engine's start-up lock in the workflow database", e);
        }
    }

    /** The configured level's lean variant (none for {@code none} and {@code full}). */
    private Optional<LeanHistoryLevel> historyLevel() {
        return LeanHistoryLevel.of(config.engine().history(), Map.of(MilestoneReportingProcess.KEY,
                Set.copyOf(MilestoneReportingProcess.VARIABLES_IN_HISTORY)));
    }

    /** A database created at the base level (before the lean levels) records the lean one from now on. */
    private void upgradeHistoryLevel(Connection connection) throws SQLException {
        Optional<LeanHistoryLevel> level = historyLevel();
        if (level.isPresent()) {
            HistoryLevelUpgrade.run(connection, level.get().baseId(), level.get().getId());
        }
    }

    private ProcessEngine buildAndDeploy() {
        long started = System.nanoTime();
        QuarkusJtaProcessEngineConfiguration configuration = new QuarkusJtaProcessEngineConfiguration();
        configuration.setProcessEngineName(config.engine().name());
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // Milestone instances, the many, keep only the history that is read; every other process the configured level's
        configuration.setHistory(config.engine().history());
        historyLevel().ifPresent(level -> {
            configuration.setCustomHistoryLevels(new java.util.ArrayList<>(List.of(level)));
            configuration.setHistoryLevel(level);
        });
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setExpressionManager(new ArcExpressionManager());
        // Lists and maps (coDepartmentCodes, milestoneDueDates, …) are stored as JSON through Spin, not Java serialization.
        configuration.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
        configuration.setDefaultSerializationFormat("application/json");
        // definitions answered from the deployment cache, no incident look-up for a job that cannot have one
        configuration.getProcessEnginePlugins().add(new StableEngineReads());
        // a report's recording job, run by the request itself, written held back and without waking the job executor
        configuration.getProcessEnginePlugins().add(new org.luoshi.workflow.workitem.EagerJobs.HeldBackJobs());
        // Entitlement is checked by the services against the caller's token, not by Camunda's authorization.
        configuration.setAuthorizationEnabled(false);
        // No model here has a decision table (no .dmn, no business rule task): without the DMN engine the start skips
        // building its Scala FEEL interpreter (QuarkusJtaProcessEngineConfiguration.initDmnEngine). A new database
        // then gets no ACT_*_DECISION tables; the engine reads them only while DMN is enabled.
        configuration.setDmnEnabled(false);
        // Camunda's count of distinct task assignees (a licence metric, ACT_RU_TASK_METER_LOG) is read by nobody here and
        // cost an insert on every claim, i.e. twice per report cycle.
        configuration.setTaskMetricsEnabled(false);
        WorkflowConfig.Engine engineConfig = config.engine();
        // the node's name in the history (ACT_HI_JOB_LOG.HOSTNAME_) and as its job executor's lock owner, so each
        // node's jobs can be told apart; unset, Camunda uses the machine's address and a random owner
        engineConfig.nodeId().ifPresent(configuration::setHostname);
        WorkflowConfig.HistoryCleanup cleanup = engineConfig.historyCleanup();
        configuration.setHistoryTimeToLive(cleanup.defaultTimeToLive());
        configuration.setHistoryCleanupBatchWindowStartTime(cleanup.windowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(cleanup.windowEnd());
        configuration.setHistoryCleanupBatchSize(cleanup.batchSize());
        // A history row's removal time is set as the row is written (the instance's start + its time to live), not
        // by one UPDATE per history table when the instance ends: an approved report ended ~45 history rows updated
        // that way, on every cycle. The 10-year time to live outlasts any plan's instances (docs/capacity.md).
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_START);
        // The inbox read model (its tables are Flyway's, migrated before this runs): every user task keeps it in step.
        configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>(List.of(new InboxParseListener(inboxReadModel))));

        WorkflowConfig.JobExecutor jobs = config.jobExecutor();
        QuarkusJobExecutor jobExecutor = new QuarkusJobExecutor();
        jobExecutor.setWaitTimeInMillis(Math.toIntExact(jobs.waitTime().toMillis()));
        jobExecutor.setMaxWait(jobs.maxWait().toMillis());
        jobExecutor.setLockTimeInMillis(Math.toIntExact(jobs.lockTime().toMillis()));
        jobExecutor.setCorePoolSize(jobs.corePoolSize());
        jobExecutor.setMaxPoolSize(jobs.maxPoolSize());
        jobExecutor.setQueueSize(jobs.queueSize());
        engineConfig.nodeId().ifPresent(jobExecutor::setLockOwner);
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(jobs.activate());
        // Every job gets a due date (an async continuation its creation time) and acquisition asks for "due now, earliest
        // first": one ordered range scan of EngineIndexes' due-date index. The default ("no due date OR due now", no
        // order) is a bitmap scan of two ranges, which visits the heap for every index entry of a job deleted since the
        // table's last vacuum (a bitmap scan never marks them dead); autovacuum comes after a fifth of the table, so that
        // grew with the open milestones' timers (3.7 blocks a poll on a small database, 25 at 100,000 open items).
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);

        ProcessEngine engine = configuration.buildProcessEngine();
        EngineIndexes.ensure(dataSource);
        long built = System.nanoTime();
        deployer.deploy(engine.getRepositoryService(), config.engine().bpmnLocation());
        long deployed = System.nanoTime();
        InboxBackfill.run(engine, dataSource, inboxReadModel);
        LOG.infof("Process engine '%s' ready in %d ms (build %d ms, deployment %d ms, inbox backfill %d ms); history=%s, "
                + "job executor %s", engine.getName(), (System.nanoTime() - started) / 1_000_000,
                (built - started) / 1_000_000, (deployed - built) / 1_000_000, (System.nanoTime() - deployed) / 1_000_000,
                configuration.getHistoryLevel().getName(), jobs.activate() ? "active" : "inactive");
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
