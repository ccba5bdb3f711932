package org.luoshi.task.mapping;

public record EvaluationReportDownload(String fileName, String mediaType, byte[] content) {
}
