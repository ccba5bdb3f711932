package org.luoshi.workflow.inbox.application;

import java.util.Map;

import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;

/**
 * One way to complete each kind of work item: the generic {@code POST /api/inbox/{id}/complete} completes the items
 * of 任务交办 only; every other kind has its own endpoint with its own form, named here for the problem answers.
 */
public final class ItemKinds {
    private static final Map<String, String> ENDPOINTS = Map.of(
            TaskAssignmentProcess.ACCEPT_TASK, "POST /api/inbox/{id}/complete",
            TaskAssignmentProcess.REVIEW_RETURN, "POST /api/inbox/{id}/complete",
            MilestoneReportingProcess.CONTRIBUTE_SUB_REPORT, "POST /api/milestone-items/{id}/sub-report",
            MilestoneReportingProcess.SUBMIT_REPORT, "POST /api/milestone-items/{id}/report",
            MilestoneReportingProcess.REVIEW_REPORT, "POST /api/milestone-items/{id}/review",
            AdjustmentProcess.REVIEW_ADJUSTMENT, "POST /api/adjustment-items/{id}/decision",
            AdjustmentProcess.APPROVE_ADJUSTMENT, "POST /api/adjustment-items/{id}/decision",
            EvaluationProcess.SUBMIT_SELF_ASSESSMENT, "POST /api/evaluation-items/{id}/self-assessment",
            EvaluationProcess.SUBMIT_REPORT, "POST /api/evaluation-items/{id}/submission",
            EvaluationProcess.REVIEW_REPORT, "POST /api/evaluation-items/{id}/review");

    private ItemKinds() {
    }

    /** Whether the generic inbox completion handles this kind of item. */
    public static boolean completedByInbox(String activityId) {
        return TaskAssignmentProcess.ACCEPT_TASK.equals(activityId) || TaskAssignmentProcess.REVIEW_RETURN.equals(activityId);
    }

    /** A sentence naming the endpoint that completes this kind of item. */
    public static String howToComplete(String activityId) {
        String endpoint = ENDPOINTS.get(activityId);
        return endpoint == null ? "this kind of item (" + activityId + ") has no completion endpoint"
                : "complete it with " + endpoint;
    }
}
