package org.luoshi.task.mapping;

/** The draft plan an import created, or the plan an earlier import of the same document created. */
public record ImportResult(PlanView plan, boolean created, ImportPreview preview) {
}
