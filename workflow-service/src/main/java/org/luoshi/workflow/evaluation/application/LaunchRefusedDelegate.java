package org.luoshi.workflow.evaluation.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;
import org.luoshi.workflow.notification.NotificationConfig;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.Notifier;
import org.luoshi.workflow.notification.Recipient;

/**
 * Service task {@code notifyLaunchRefused} (async, after the boundary event launchRefused): tells the supervisor who
 * launched the evaluation why task-service refused to create it ({@code launchRefusal}). Stored once (occasion key
 * {@code <processInstanceId>:EVALUATION_REFUSED}), mailed after commit.
 */
@Named("launchRefusedDelegate")
@ApplicationScoped
public class LaunchRefusedDelegate implements JavaDelegate {

    @Inject
    Notifier notifier;

    @Inject
    NotificationConfig config;

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        String title = v.taskTitle();
        String subject = "【评估未能发起】" + title;
        String body = "评估：" + title + "\n评估机构：" + v.organisation() + "\n评估期：" + v.periodFrom() + " 至 "
                + v.periodTo() + "\n任务服务拒绝创建该评估，原因：" + v.launchRefusal() + "\n请更正后重新发起。";
        notifier.send(new NotificationDraft(NotificationKind.EVALUATION_REFUSED, List.of(Recipient.user(v.launchedBy())), subject,
                body, config.linkBase() + "/api/evaluations/" + execution.getProcessInstanceId(),
                execution.getProcessInstanceId(), null, null,
                execution.getProcessInstanceId() + ":" + NotificationKind.EVALUATION_REFUSED));
    }
}
