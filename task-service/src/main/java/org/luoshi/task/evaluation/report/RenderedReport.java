package org.luoshi.task.evaluation.report;

/** An assessment report rendered twice from the same model: as Word (.docx) and as PDF. Both are deterministic. */
public record RenderedReport(byte[] docx, byte[] pdf) {
}
