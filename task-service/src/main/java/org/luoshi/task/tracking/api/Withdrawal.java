package org.luoshi.task.tracking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 撤回: who withdrew the assignment, and why (sent by workflow-service). */
public record Withdrawal(@NotBlank @Size(max = 100) String by, @Size(max = 2000) String note) {
}
