package org.luoshi.task.mapping;

/** An evidence file's content, with the name and type to serve it under. */
public record EvidenceDownload(String fileName, String contentType, byte[] content) {
}
