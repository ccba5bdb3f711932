package org.luoshi.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheDeployer;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.ProcessDefinitionCache;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobDefinitionManager;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Three reads camunda-engine 7.24 repeats in every command although, here, what they read cannot have changed; each was
 * a statement per command, ~14 of a report cycle's ~157 (deploy/bench/RESULTS.md, h7-vars):
 * <ul>
 * <li>{@code select * from ACT_RE_PROCDEF where ID_ = ?}: {@code ResourceDefinitionCache.findDeployedDefinitionById}
 * reads the definition row again in every command that touches an execution, only to copy its modifiable fields
 * (suspension state, revision, history time to live) onto the deployed definition it holds; the history producer
 * reads the same row for the definition's key whenever the command has not read it. Nothing in this service
 * changes them: no definition is suspended or activated and no time to live is updated after the deployment
 * ({@code ArchitectureTest.theEngineDefinitionsStayAsDeployed} keeps it so; the engine's own REST API and Cockpit are not
 * part of this service). So a definition the deployment cache holds is answered from it; one it does not hold (another
 * node's new version, one evicted) is read as before. A start by key still reads the latest version's row, so a
 * definition deployed on another node is found as before.</li>
 * <li>{@code select * from ACT_RU_INCIDENT where CONFIGURATION_ = ?}: deleting a job (a step done, a timer ended
 * with its instance) looks for the job's {@code failedJob} incident. The engine opens that incident only when a job's
 * retries reach 0 and resolves it when they are set above 0 again ({@code JobEntity.setRetries}, which asks before it
 * changes the count), and nothing here creates incidents by hand ({@code RuntimeService.createIncident}, kept out by
 * the same rule). A job this command holds with retries left therefore has none, and the look-up is skipped; any other
 * job is looked up as before.</li>
 * <li>{@code select * from ACT_RU_JOBDEF where ID_ = ?}: every job the engine creates reads its job definition for the
 * definition's suspension state and priority (and the job executor reads it again). A job definition is written at the
 * deployment and changed only by suspending or re-prioritising it ({@code ManagementService}), which nothing here does
 * (same rule), so each is read once per node and kept as a detached copy.</li>
 * </ul>
 * A plugin, so that both the service's engine and the process tests' in-memory engine are built with them.
 */
public final class StableEngineReads extends AbstractProcessEnginePlugin {
    /** The engine's own default capacity (it sets no other here). */
    private static final int CACHE_CAPACITY = 1000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new JobDefinitionsAsDeployed());
        configuration.setCustomSessionFactories(factories);
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new DefinitionsOfTheDeploymentCache());
        }
        List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomIncidentHandlers());
        handlers.add(new FailedJobIncidents());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /**
     * Replaces the deployment cache once the engine has made its own: a cache given before the start would be used
     * without the deployers the engine builds (initDeployers only hands them to a cache it creates).
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DeploymentCache stable = new StableDefinitionsCache(new DefaultCacheFactory(), CACHE_CAPACITY);
        stable.setDeployers(configuration.getDeployers());
        configuration.setDeploymentCache(stable);
    }

    /** The engine's deployment cache whose process definitions are answered from memory once deployed here. */
    static final class StableDefinitionsCache extends DeploymentCache {
        StableDefinitionsCache(CacheFactory factory, int capacity) {
            super(factory, capacity);
            processDefinitionEntityCache = new DeployedDefinitions(factory, capacity, cacheDeployer);
        }
    }

    static final class DeployedDefinitions extends ProcessDefinitionCache {
        DeployedDefinitions(CacheFactory factory, int capacity, CacheDeployer deployer) {
            super(factory, capacity, deployer);
        }

        @Override
        public ProcessDefinitionEntity findDeployedDefinitionById(String definitionId) {
            ProcessDefinitionEntity deployed = definitionId == null ? null : cache.get(definitionId);
            return deployed != null ? deployed : super.findDeployedDefinitionById(definitionId);
        }
    }

    /**
     * The engine's history producer, which reads a definition's row for its key, name and version whenever the
     * command's entity cache lacks it (the deployment cache above keeps it out of there); those never change, so the
     * deployed definition answers.
     */
    static final class DefinitionsOfTheDeploymentCache extends CacheAwareHistoryEventProducer {
        @Override
        protected ProcessDefinitionEntity getProcessDefinitionEntity(String processDefinitionId) {
            CommandContext command = Context.getCommandContext();
            ProcessDefinitionEntity deployed = command == null || processDefinitionId == null ? null
                    : command.getProcessEngineConfiguration().getDeploymentCache().findProcessDefinitionFromCache(processDefinitionId);
            return deployed != null ? deployed : super.getProcessDefinitionEntity(processDefinitionId);
        }
    }

    /** The engine's job definition manager, answering {@code findById} from what this node read before. */
    static final class JobDefinitionsAsDeployed implements SessionFactory {
        /** Job definitions by id: a few per deployed process version, never changed after the deployment here. */
        private final Map<String, JobDefinitionEntity> byId = new ConcurrentHashMap<>();

        @Override
        public Class<?> getSessionType() {
            return JobDefinitionManager.class;
        }

        @Override
        public Session openSession() {
            return new JobDefinitionManager() {
                @Override
                public JobDefinitionEntity findById(String jobDefinitionId) {
                    JobDefinitionEntity known = jobDefinitionId == null ? null : byId.get(jobDefinitionId);
                    if (known != null) {
                        return copy(known);
                    }
                    JobDefinitionEntity read = super.findById(jobDefinitionId);
                    if (read != null) {
                        byId.put(jobDefinitionId, copy(read));
                    }
                    return read;
                }
            };
        }

        /** A copy no command's entity cache holds, so that no command's change of it could reach another's. */
        private static JobDefinitionEntity copy(JobDefinitionEntity source) {
            JobDefinitionEntity copy = new JobDefinitionEntity();
            copy.setId(source.getId());
            copy.setRevision(source.getRevision());
            copy.setProcessDefinitionId(source.getProcessDefinitionId());
            copy.setProcessDefinitionKey(source.getProcessDefinitionKey());
            copy.setActivityId(source.getActivityId());
            copy.setJobType(source.getJobType());
            copy.setJobConfiguration(source.getJobConfiguration());
            copy.setSuspensionState(source.getSuspensionState());
            copy.setJobPriority(source.getOverridingJobPriority());
            copy.setTenantId(source.getTenantId());
            copy.setDeploymentId(source.getDeploymentId());
            return copy;
        }
    }

    /** The engine's handler of failed jobs' incidents, minus the look-up for a job that cannot have one. */
    static final class FailedJobIncidents extends DefaultIncidentHandler {
        FailedJobIncidents() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.resolveIncident(context);
            }
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.deleteIncident(context);
            }
        }

        /** False only for a job this command holds that still has retries: the engine opened no incident for it. */
        private static boolean mayHaveIncident(IncidentContext context) {
            CommandContext command = Context.getCommandContext();
            if (command == null || context.getConfiguration() == null) {
                return true;
            }
            JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
            return job == null || job.getRetries() <= 0;
        }
    }
}
