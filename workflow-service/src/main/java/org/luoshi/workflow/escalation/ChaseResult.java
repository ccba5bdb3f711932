package org.luoshi.workflow.escalation;

import java.util.List;

/** Answer of a 催办: the departments told (an evaluation: those whose 自评 is missing and still open; a milestone: its lead). */
public record ChaseResult(String processInstanceId, List<String> chased) {
}
