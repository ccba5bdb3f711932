package org.luoshi.workflow.taskservice;

import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.jboss.logging.Logger;

/**
 * For steps whose activity has a boundary error event for {@value TaskServiceRefusal#ERROR_CODE}: the call, made as
 * {@link ServiceCalls#call} makes it, with a permanent refusal turned into that BPMN error (its message: task-service's
 * reason), so the process takes its modelled way back to the person. Transient failures pass as they are (retries,
 * then an incident).
 */
public final class ModelledRefusal {
    private static final Logger LOG = Logger.getLogger(ModelledRefusal.class);

    private ModelledRefusal() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return ServiceCalls.call(what, call);
        } catch (TaskServiceRefusal refused) {
            LOG.infof("task-service refused %s (%d): %s", what, refused.httpStatus(), refused.getMessage());
            throw new BpmnError(TaskServiceRefusal.ERROR_CODE, refused.getMessage());
        }
    }

    public static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }
}
