package org.luoshi.workflow.milestone.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The bulk start of milestone tracking ({@code POST /api/milestone-trackings/bulk}). */
@ConfigMapping(prefix = "luoshi.workflow.bulk-tracking")
public interface BulkTrackingConfig {
    /**
     * Accepted tasks read from task-service and tracked per transaction (at most 500, task-service's page limit): with
     * ~5 open milestones a task, 100 start ~500 instances per commit — short enough to hold few locks, long enough
     * that the per-page calls to task-service cost little beside the instances.
     */
    @WithDefault("100")
    int tasksPerPage();
}
