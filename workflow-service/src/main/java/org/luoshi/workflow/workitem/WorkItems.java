package org.luoshi.workflow.workitem;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.luoshi.common.problem.ConflictException;

/**
 * The one path by which a caller acts on the engine: every call runs authenticated as the caller, because the engine's
 * history and comments name the authenticated user (who started, claimed, completed, commented), and the engine keeps
 * that user per thread, so it is cleared whatever happens. A lost race (someone else claimed or changed the item in
 * between) answers 409, never 500.
 */
@ApplicationScoped
public class WorkItems {
    static final String TAKEN = "The item was taken or changed by someone else meanwhile; reload the inbox";

    @Inject
    TaskService taskService;

    @Inject
    IdentityService identityService;

    /**
     * Claims the item for the user and completes it with the variables, in the caller's transaction and in one engine
     * command ({@link ClaimAndCompleteCmd}): an item taken by someone else meanwhile is refused as the claim refuses it.
     */
    public void claimAndComplete(String taskId, String username, VariableMap variables) {
        claimAndComplete(taskId, username, variables, null);
    }

    /**
     * {@link #claimAndComplete(String, String, VariableMap)}, holding back for the caller the job of the asynchronous
     * step the completion makes due ({@link EagerJobs}); a null reservation holds back nothing.
     */
    public void claimAndComplete(String taskId, String username, VariableMap variables, EagerJobs.Reservation reservation) {
        asUser(username, () -> {
            ((ServiceImpl) taskService).getCommandExecutor()
                    .execute(new ClaimAndCompleteCmd(taskId, username, variables, reservation));
        });
    }

    /** The open (not suspended) engine task with this id, or null; read by its primary key ({@link ActiveTaskCmd}). */
    public Task activeTask(String taskId) {
        return ((ServiceImpl) taskService).getCommandExecutor().execute(new ActiveTaskCmd(taskId));
    }

    /** Runs engine calls as the user. */
    public void asUser(String username, Runnable engineCalls) {
        asUser(username, () -> {
            engineCalls.run();
            return null;
        });
    }

    /** Runs an engine call as the user and returns its answer (a started process instance, say). */
    public <T> T asUser(String username, Supplier<T> engineCall) {
        identityService.setAuthenticatedUserId(username);
        try {
            return engineCall.get();
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new ConflictException(TAKEN);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
