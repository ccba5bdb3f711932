package org.luoshi.workflow.workitem;

import java.util.Map;

/**
 * A context's kinds of work item (BPMN user task ids): the endpoint that completes each, and the realm role that
 * decides each deciding kind (the process offers it to {@code role:<role>}); one bean per context.
 */
public interface CompletionEndpoints {
    Map<String, String> byActivity();

    /** Deciding activity → the realm role that decides it; kinds not named here are not deciding ones. */
    default Map<String, String> decidingRoles() {
        return Map.of();
    }
}
