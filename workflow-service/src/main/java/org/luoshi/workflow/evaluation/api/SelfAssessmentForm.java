package org.luoshi.workflow.evaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department's 自评 (部门自评): what it did, achieved, found wanting and will do next. */
public record SelfAssessmentForm(
        @Schema(description = "工作总结") @NotBlank @Size(max = 20000) String summary,
        @Schema(description = "主要成效") @NotBlank @Size(max = 20000) String achievements,
        @Schema(description = "存在问题") @NotBlank @Size(max = 20000) String problems,
        @Schema(description = "下一步工作") @NotBlank @Size(max = 20000) String nextSteps) {
}
