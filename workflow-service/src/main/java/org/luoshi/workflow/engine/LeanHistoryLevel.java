package org.luoshi.workflow.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * A Camunda history level that writes, for the processes it names, only the history somebody reads: the process
 * instance and the named variables, no activity instances, no task instances and no other variables (each a history
 * row inserted, updated and read back for its start time on every step). Every other process gets exactly what the
 * base level ({@code activity} or {@code audit}) gives; what the base does not produce is never produced.
 *
 * <p>Its id is {@code 10 +} the base's ({@code audit-lean} 12, {@code activity-lean} 11): the engine records the id in
 * {@code ACT_GE_PROPERTY} and refuses to start on a database that recorded another one, so an existing database is
 * moved from the base's id to this one before the engine is built ({@link HistoryLevelUpgrade}).
 */
final class LeanHistoryLevel extends AbstractHistoryLevel {
    private static final int ID_OFFSET = 10;
    private static final String SUFFIX = "-lean";
    private static final Set<HistoryEventType> ACTIVITY_AND_TASK = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.TASK_INSTANCE_CREATE,
            HistoryEventTypes.TASK_INSTANCE_UPDATE, HistoryEventTypes.TASK_INSTANCE_MIGRATE,
            HistoryEventTypes.TASK_INSTANCE_COMPLETE, HistoryEventTypes.TASK_INSTANCE_DELETE);
    private static final Set<HistoryEventType> VARIABLE = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    private final HistoryLevel base;
    /** Per process definition key: the variables whose history is read. */
    private final Map<String, Set<String>> variablesReadByKey;
    /** Definition ids never change their key, so each is resolved once (one entry per deployed version). */
    private final Map<String, String> keyById = new ConcurrentHashMap<>();

    private LeanHistoryLevel(HistoryLevel base, Map<String, Set<String>> variablesReadByKey) {
        this.base = base;
        this.variablesReadByKey = Map.copyOf(variablesReadByKey);
    }

    /**
     * The lean variant of the level named {@code history}, or empty where there is none: {@code none} writes nothing
     * anyway, and {@code full} is chosen to keep everything of every process.
     */
    static Optional<LeanHistoryLevel> of(String history, Map<String, Set<String>> variablesReadByKey) {
        for (HistoryLevel level : Set.of(HistoryLevel.HISTORY_LEVEL_ACTIVITY, HistoryLevel.HISTORY_LEVEL_AUDIT)) {
            if (level.getName().equalsIgnoreCase(history)) {
                return Optional.of(new LeanHistoryLevel(level, variablesReadByKey));
            }
        }
        return Optional.empty();
    }

    /** The level a database recorded before this one: the base's id. */
    int baseId() {
        return base.getId();
    }

    @Override
    public int getId() {
        return base.getId() + ID_OFFSET;
    }

    @Override
    public String getName() {
        return base.getName() + SUFFIX;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        boolean produced = base.isHistoryEventProduced(eventType, entity);
        if (!produced || entity == null) {
            // without an entity the engine asks whether to listen at all (while parsing a model): it must, for the others
            return produced;
        }
        if (ACTIVITY_AND_TASK.contains(eventType)) {
            return variablesRead(definitionIdOf(entity)) == null;
        }
        if (VARIABLE.contains(eventType) && entity instanceof VariableInstanceEntity variable) {
            Set<String> read = variablesRead(variable.getProcessDefinitionId());
            return read == null || read.contains(variable.getName());
        }
        return true;
    }

    /** The variables read of the definition's instances, or null where all its history is written. */
    private Set<String> variablesRead(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        String key = keyById.computeIfAbsent(processDefinitionId, id -> Context.getProcessEngineConfiguration()
                .getDeploymentCache().findDeployedProcessDefinitionById(id).getKey());
        return variablesReadByKey.get(key);
    }

    private static String definitionIdOf(Object entity) {
        if (entity instanceof DelegateExecution execution) {
            return execution.getProcessDefinitionId();
        }
        return entity instanceof DelegateTask task ? task.getProcessDefinitionId() : null;
    }
}
