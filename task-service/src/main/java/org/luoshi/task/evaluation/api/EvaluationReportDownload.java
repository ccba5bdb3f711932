package org.luoshi.task.evaluation.api;

public record EvaluationReportDownload(String fileName, String mediaType, byte[] content) {
}
