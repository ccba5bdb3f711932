package org.luoshi.task.plan.importing.api;

import org.luoshi.task.plan.api.PlanView;

/** The draft plan an import created, or the plan an earlier import of the same document created. */
public record ImportResult(PlanView plan, boolean created, ImportPreview preview) {
}
