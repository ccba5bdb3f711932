package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.workflow.notification.NotificationConfig;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.Notifier;
import org.luoshi.workflow.notification.Recipient;

/**
 * Service task {@code notifyRejection} (async): tells the requester and the lead department that the adjustment was
 * rejected, with the comment. Stored once per recipient (occasion key {@code <processInstanceId>:ADJUSTMENT_REJECTED}),
 * mailed after commit.
 */
@Named("adjustmentRejectedDelegate")
@ApplicationScoped
public class AdjustmentRejectedDelegate implements JavaDelegate {

    @Inject
    Notifier notifier;

    @Inject
    NotificationConfig config;

    @Override
    public void execute(DelegateExecution execution) {
        String requestedBy = (String) execution.getVariable(VAR_REQUESTED_BY);
        String lead = (String) execution.getVariable(VAR_DEPARTMENT_CODE);
        String title = (String) execution.getVariable(VAR_TASK_TITLE);
        String comment = (String) execution.getVariable(VAR_REJECTION_COMMENT);
        String rejectedBy = (String) execution.getVariable(VAR_REJECTED_BY);
        boolean atReview = execution.getVariable(VAR_APPROVAL_DECISION) == null;
        List<Recipient> recipients = new ArrayList<>();
        if (requestedBy != null) {
            recipients.add(Recipient.user(requestedBy));
        }
        if (lead != null) {
            recipients.add(Recipient.group(lead));
        }
        Object taskId = execution.getVariable(VAR_TASK_ID);
        String subject = "【调整未通过】任务“" + title + "”的调整申请" + (atReview ? "未通过督查室审核" : "未获领导批准");
        String body = "任务：" + title + "\n申请人：" + requestedBy + "\n调整理由：" + execution.getVariable(VAR_JUSTIFICATION)
                + "\n" + (atReview ? "审核人：" : "审批人：") + rejectedBy + "\n意见：" + comment;
        notifier.send(new NotificationDraft(NotificationKind.ADJUSTMENT_REJECTED, recipients, subject, body,
                config.linkBase() + "/api/notifications", execution.getProcessInstanceId(),
                taskId instanceof Number n ? n.longValue() : null, null,
                execution.getProcessInstanceId() + ":" + NotificationKind.ADJUSTMENT_REJECTED));
    }
}
