package org.luoshi.workflow.api;

import java.util.List;

/** Answer of a 催办: the departments told (those whose 自评 is missing and still open). */
public record ChaseResult(String processInstanceId, List<String> chased) {
}
