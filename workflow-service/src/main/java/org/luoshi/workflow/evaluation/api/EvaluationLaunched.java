package org.luoshi.workflow.evaluation.api;

/** Answer of {@code POST /api/evaluations}: the process; task-service's evaluation id follows from its first step. */
public record EvaluationLaunched(String processInstanceId, String businessKey, long planId, String kind, String organisation) {
}
