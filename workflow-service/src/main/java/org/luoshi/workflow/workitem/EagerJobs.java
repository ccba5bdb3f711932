package org.luoshi.workflow.workitem;

import java.time.Duration;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.jboss.logging.Logger;

/**
 * Runs the job of an asynchronous step that a request has just committed, in the request's own thread, so that what
 * the step creates (the next work item) exists when the request answers — instead of one job-acquisition cycle later.
 *
 * <p>The step stays asynchronous in every other respect: it is the same job with the same idempotency key, run in its
 * own transaction after the caller's commit, so the caller's work is never undone by it. In the caller's transaction
 * {@link #reserve} moves the job's due date {@link #RESERVATION} ahead, so that the job executor (woken by the new
 * job) does not run it at the same moment and call task-service twice; {@link #runNow} then runs it regardless of the
 * date. If that fails, or the request never gets there, the job is the job executor's again: with its retries after a
 * failure, at the end of the reservation otherwise.
 */
@ApplicationScoped
public class EagerJobs {
    private static final Logger LOG = Logger.getLogger(EagerJobs.class);
    static final Duration RESERVATION = Duration.ofSeconds(10);

    @Inject
    ManagementService managementService;

    /** In the transaction that made the step due; returns the job's id, or null when there is no such job. */
    public String reserve(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        if (job == null) {
            return null;
        }
        managementService.setJobDuedate(job.getId(), new Date(ClockUtil.getCurrentTime().getTime() + RESERVATION.toMillis()));
        return job.getId();
    }

    /** After the commit, outside any transaction; returns whether the job ran here. */
    public boolean runNow(String jobId) {
        if (jobId == null) {
            return false;
        }
        try {
            managementService.executeJob(jobId);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("job %s left to the job executor: %s", jobId, e.toString());
            return false;
        }
    }
}
