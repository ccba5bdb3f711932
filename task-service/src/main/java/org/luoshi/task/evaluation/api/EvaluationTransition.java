package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.Size;

/** Who submitted or published, as workflow-service passes it on (optional: the service account otherwise). */
public record EvaluationTransition(@Size(max = 100) String by) {
}
