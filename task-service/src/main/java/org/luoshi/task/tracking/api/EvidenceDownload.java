package org.luoshi.task.tracking.api;

/** An evidence file's content, with the name and type to serve it under. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {
}
