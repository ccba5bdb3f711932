package org.luoshi.workflow.evaluation.api;

/** Outcome of completing an evaluation item; {@code decision} for reviews. */
public record EvaluationItemDone(String id, String kind, String processInstanceId, Long evaluationId, String completedBy,
        String decision) {
}
