package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A department's 自评, as workflow-service passes it on for the staff member who wrote it. */
public record NewSelfAssessment(
        @NotBlank @Size(max = 20000) String summary,
        @Size(max = 20000) String achievements,
        @Size(max = 20000) String problems,
        @Size(max = 20000) String nextSteps,
        @NotBlank @Size(max = 100) String submittedBy) {
}
