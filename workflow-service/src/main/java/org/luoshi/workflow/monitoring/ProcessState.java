package org.luoshi.workflow.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a process instance stands: the activities it waits in while running, the end event it reached once
 * ended, the variables the API cares about and how many incidents are open.
 */
public record ProcessState(String processInstanceId, String businessKey, String processDefinitionKey, String startedBy,
        boolean ended, List<String> activeActivityIds, String endActivityId, Map<String, Object> variables,
        long openIncidents, Instant startedAt, Instant endedAt) {
}
