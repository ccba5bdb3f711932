package org.luoshi.workflow.inbox.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/inbox/{id}/comments}. */
public record CommentRequest(@NotBlank @Size(max = 2000) String text) {
}
