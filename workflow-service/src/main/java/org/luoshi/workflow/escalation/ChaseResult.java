package org.luoshi.workflow.escalation;

import java.util.List;

/**
 * Answer of a 催办: the departments told (an evaluation: those whose 自评 is missing and still open; a milestone: its
 * lead), and those not told, each with the reason (an evaluation's department is chased at most once a day).
 */
public record ChaseResult(String processInstanceId, List<String> chased, List<Refusal> refused) {

    public ChaseResult(String processInstanceId, List<String> chased) {
        this(processInstanceId, chased, List.of());
    }

    /** A department not chased this time, and why. */
    public record Refusal(String departmentCode, String reason) {
    }
}
