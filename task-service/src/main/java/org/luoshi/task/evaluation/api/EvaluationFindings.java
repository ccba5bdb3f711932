package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.Size;

/** 评估结论与建议. */
public record EvaluationFindings(@Size(max = 50000) String findings, @Size(max = 50000) String recommendations) {
}
