package org.luoshi.task.mapping;

/** A published snapshot as served: its content byte for byte as hashed, and the hash. */
public record PublicSnapshot(long id, String content, String sha256) {
}
