package org.luoshi.workflow.workitem;

import java.time.Duration;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jboss.logging.Logger;

/**
 * Runs the job of an asynchronous step that a request has just committed, in the request's own thread, so that what
 * the step creates (the next work item) exists when the request answers — instead of one job-acquisition cycle later.
 *
 * <p>The step stays asynchronous in every other respect: it is the same job with the same idempotency key, run in its
 * own transaction after the caller's commit, so the caller's work is never undone by it. The engine command that makes
 * the step due ({@link WorkItems#claimAndComplete(String, String, org.camunda.bpm.engine.variable.VariableMap,
 * Reservation)}) writes the job with its due date {@link #RESERVATION} ahead, so that the job executor (woken by the new
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

    /** A reservation of the job that the next completion makes due at {@code activityId} (an asynchronous step). */
    public Reservation reservationOf(String activityId) {
        return new Reservation(activityId);
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

    /**
     * The job of one asynchronous step, held back in the command that creates it: the job is still to be written then,
     * so its due date is written with it (no query for the job, no second write of it).
     */
    public static final class Reservation {
        private final String activityId;
        private String jobId;

        Reservation(String activityId) {
            this.activityId = activityId;
        }

        /** The reserved job's id, or null when the completion made no job of that step due. */
        public String jobId() {
            return jobId;
        }

        /** In the command that completed an item of this process instance, before the engine writes its new rows. */
        void holdIn(CommandContext commandContext, String processInstanceId) {
            // the job is new in this command's cache (getCachedEntitiesByType answers only rows read, not new ones)
            for (CachedDbEntity cached : commandContext.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
                if (cached.getEntityState() == DbEntityState.TRANSIENT && cached.getEntity() instanceof MessageEntity job
                        && processInstanceId.equals(job.getProcessInstanceId()) && activityId.equals(job.getActivityId())) {
                    // written with "now" as due date (ProcessEngineProducer: every job has one), moved past the reservation
                    job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + RESERVATION.toMillis()));
                    jobId = job.getId();
                    return;
                }
            }
        }
    }
}
