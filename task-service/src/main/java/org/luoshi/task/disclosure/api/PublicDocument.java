package org.luoshi.task.disclosure.api;

/** A published document's bytes as downloaded. */
public record PublicDocument(long id, String filename, String mediaType, String sha256, byte[] content) {
}
