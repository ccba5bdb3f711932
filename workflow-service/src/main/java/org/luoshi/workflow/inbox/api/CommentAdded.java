package org.luoshi.workflow.inbox.api;

import java.time.Instant;

/** A comment as stored by the engine. */
public record CommentAdded(String id, String itemId, String author, Instant at, String text) {
}
