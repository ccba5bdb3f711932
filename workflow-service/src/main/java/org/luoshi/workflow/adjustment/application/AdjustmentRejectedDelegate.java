package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.workflow.directory.PeopleNames;
import org.luoshi.workflow.notification.NotificationConfig;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.Notifier;
import org.luoshi.workflow.notification.Recipient;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;

/**
 * Service task {@code notifyRejection} (async): tells the requester and the lead department that the adjustment was
 * rejected, with the comment — or, after applyRefused, that task-service refused to apply the approved change, with its
 * reason ({@code applyRefusal}). Stored once per recipient (occasion key {@code <processInstanceId>:ADJUSTMENT_REJECTED}),
 * mailed after commit.
 */
@Named("adjustmentRejectedDelegate")
@ApplicationScoped
public class AdjustmentRejectedDelegate implements JavaDelegate {

    @Inject
    Notifier notifier;

    @Inject
    PeopleNames people;

    @Inject
    NotificationConfig config;

    @Override
    public void execute(DelegateExecution execution) {
        AdjustmentVariables v = AdjustmentVariables.of(execution::getVariable);
        String requestedBy = v.requestedBy();
        String lead = v.departmentCode();
        String title = v.taskTitle();
        String comment = v.rejectionComment();
        String rejectedBy = v.rejectedBy();
        boolean atReview = v.approvalDecision() == null;
        boolean refused = v.applyRefusal() != null;
        List<Recipient> recipients = new ArrayList<>();
        if (requestedBy != null) {
            recipients.add(Recipient.user(requestedBy));
        }
        if (lead != null) {
            recipients.add(Recipient.group(lead));
        }
        String subject = refused ? "【调整未能执行】任务“" + title + "”的调整已获批准，但任务服务拒绝执行"
                : "【调整未通过】任务“" + title + "”的调整申请" + (atReview ? "未通过督查室审核" : "未获领导批准");
        String body = "任务：" + title + "\n申请人：" + people.name(requestedBy) + "\n调整理由：" + v.justification()
                + (refused ? "\n批准人：" + people.name(v.approvedBy()) + "\n任务服务拒绝的原因：" + v.applyRefusal()
                        + "\n请按当前任务情况重新申请。"
                        : "\n" + (atReview ? "审核人：" : "审批人：") + people.name(rejectedBy) + "\n意见：" + comment);
        notifier.send(new NotificationDraft(NotificationKind.ADJUSTMENT_REJECTED, recipients, subject, body,
                config.linkBase() + "/api/notifications", execution.getProcessInstanceId(),
                v.taskId(), null,
                execution.getProcessInstanceId() + ":" + NotificationKind.ADJUSTMENT_REJECTED));
    }
}
