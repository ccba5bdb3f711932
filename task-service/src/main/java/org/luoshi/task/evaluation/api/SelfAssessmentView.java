package org.luoshi.task.evaluation.api;

import java.time.Instant;

import org.luoshi.task.evaluation.domain.SelfAssessmentStatus;

public record SelfAssessmentView(Long evaluationId, String departmentCode, String departmentName,
        SelfAssessmentStatus status, String summary, String achievements, String problems, String nextSteps,
        String submittedBy, Instant submittedAt) {
}
