package org.luoshi.task.tracking.api;

import java.util.List;

/** What a 台账 import did: tasks created, tasks changed, rows that changed nothing. */
public record LedgerImportResult(int rows, int created, int updated, int unchanged, List<Long> createdTaskIds,
        List<Long> updatedTaskIds) {
}
