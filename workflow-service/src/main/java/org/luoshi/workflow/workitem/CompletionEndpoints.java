package org.luoshi.workflow.workitem;

import java.util.Map;

/** A context's kinds of work item (BPMN user task ids) and the endpoint that completes each; one bean per context. */
public interface CompletionEndpoints {
    Map<String, String> byActivity();
}
