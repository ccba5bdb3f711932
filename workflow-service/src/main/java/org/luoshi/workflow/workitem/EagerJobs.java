package org.luoshi.workflow.workitem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.jboss.logging.Logger;

/**
 * Runs the job of an asynchronous step that a request has just committed, in the request's own thread, so that what
 * the step creates (the next work item) exists when the request answers — instead of one job-acquisition cycle later.
 *
 * <p>The step stays asynchronous in every other respect: it is the same job with the same idempotency key, run in its
 * own transaction after the caller's commit, so the caller's work is never undone by it. If it fails (task-service
 * down, a lock held by the job executor that picked it up meanwhile), the job stays where it is and the job executor
 * runs it with its retries, exactly as if nobody had tried.
 */
@ApplicationScoped
public class EagerJobs {
    private static final Logger LOG = Logger.getLogger(EagerJobs.class);

    @Inject
    ManagementService managementService;

    /** Must be called outside any transaction; returns whether the step's job ran here. */
    public boolean runNow(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        if (job == null) {
            return false; // the job executor got there first (or the step is not due): nothing to hurry
        }
        try {
            managementService.executeJob(job.getId());
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("%s of %s left to the job executor: %s", activityId, processInstanceId, e.toString());
            return false;
        }
    }
}
