package org.luoshi.task.disclosure.api;

/** A published snapshot as served: its content byte for byte as hashed, and the hash. */
public record PublicSnapshot(long id, String content, String sha256) {
}
