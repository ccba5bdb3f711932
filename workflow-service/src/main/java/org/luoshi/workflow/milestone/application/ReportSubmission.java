package org.luoshi.workflow.milestone.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.workflow.milestone.api.MilestoneItemDone;
import org.luoshi.workflow.milestone.api.ReportForm;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.workitem.EagerJobs;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * 牵头单位填报 as the request sees it: the report is committed, then its {@code recordReport} step runs at once, so that
 * the answer comes when the 督查室审核 item exists and a supervisor who refreshes right after finds it. The step keeps
 * its idempotency key and its retries; only its start is earlier (see {@link EagerJobs}).
 */
@ApplicationScoped
public class ReportSubmission {
    @Inject
    MilestoneItemService items;

    @Inject
    EagerJobs eagerJobs;

    /** The report and the reservation of its recording commit together; the recording runs in a transaction of its own. */
    public MilestoneItemDone submit(String itemId, ReportForm form) {
        EagerJobs.Reservation recording = eagerJobs.reservationOf(MilestoneReportingProcess.RECORD_REPORT);
        MilestoneItemDone done = QuarkusTransaction.requiringNew().call(() -> items.submitReport(itemId, form, recording));
        eagerJobs.runNow(recording.jobId());
        return done;
    }
}
