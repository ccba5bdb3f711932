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

    /**
     * Pages tracked at once, each in its own transaction, while the next page is read: 2 keeps a 2-core node's CPU and
     * its database busy together; more adds lock waits, not speed, on such a node.
     */
    @WithDefault("2")
    int workers();

    /**
     * At most this many open milestones started per transaction (a page's tasks are split to stay below it): about
     * 10 s of work on a loaded 2-core node, far from the timeout below, few locks held at once.
     */
    @WithDefault("200")
    int milestonesPerTransaction();

    /** The timeout of one such transaction, generous: a busy database must slow a page, not fail it. */
    @WithDefault("300")
    int transactionTimeoutSeconds();
}
