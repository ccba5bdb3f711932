package org.luoshi.workflow.workitem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
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
 * Reservation)}) writes the job with its due date {@link #RESERVATION} ahead, so that the job executor does not run it
 * at the same moment and call task-service twice, and without waking the job executor for it ({@link HeldBackJobs});
 * {@link #runNow} then runs it regardless of the date. If that fails, or the request never gets there, the job is the job executor's again: with its retries after a
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

        /** Whether this is the first job of the reserved step in the process instance whose item is being completed. */
        boolean isFor(MessageEntity job, String processInstanceId) {
            return jobId == null && processInstanceId != null && processInstanceId.equals(job.getProcessInstanceId())
                    && activityId.equals(job.getActivityId());
        }

        /** Before the job is written: "now" as due date (ProcessEngineProducer: every job has one) becomes the reservation's end. */
        void hold(MessageEntity job) {
            job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + RESERVATION.toMillis()));
        }

        void held(MessageEntity job) {
            jobId = job.getId();
        }
    }

    /**
     * The engine's job manager with one difference: the job a running {@link ClaimAndCompleteCmd} reserves is written
     * held back and <em>without the hint to the job executor</em>. The engine hints at every new message job
     * ({@code JobManager.send}: a listener that wakes the acquisition thread on commit), so each report woke the
     * acquisition for a select that found nothing due. The job executor still finds the job by its due date if the
     * caller does not run it. Every other job is sent as the engine sends it. A plugin, so that the service's engine and
     * the process tests' in-memory engine both have it.
     */
    public static final class HeldBackJobs extends AbstractProcessEnginePlugin implements SessionFactory {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                    : new ArrayList<>(configuration.getCustomSessionFactories());
            factories.add(this);
            configuration.setCustomSessionFactories(factories);
        }

        @Override
        public Class<?> getSessionType() {
            return JobManager.class;
        }

        @Override
        public Session openSession() {
            return new JobManager() {
                @Override
                public void send(MessageEntity message) {
                    Reservation reservation = ClaimAndCompleteCmd.reservationOf(message);
                    if (reservation == null) {
                        super.send(message);
                        return;
                    }
                    reservation.hold(message);
                    message.insert();
                    reservation.held(message);
                }
            };
        }
    }
}
