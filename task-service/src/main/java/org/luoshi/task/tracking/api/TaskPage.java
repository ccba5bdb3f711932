package org.luoshi.task.tracking.api;

import java.util.List;
import java.util.Map;

import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * One page of tasks, with the counts per status and per light of everything the filters (other than status and
 * light themselves) matched.
 */
public record TaskPage(List<TaskView> items, int page, int size, long total, Map<TaskStatus, Long> countsByStatus,
        Map<StatusLight, Long> countsByLight) {
}
