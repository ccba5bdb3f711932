package org.luoshi.workflow.evaluation.application;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * Service task {@code notifyPublicationRefused} (async, after the boundary event publicationRefused): tells the
 * supervisor who approved the report and the one who launched the evaluation why task-service refused to publish it
 * ({@code publicationRefusal}). Stored once per recipient (occasion key {@code <processInstanceId>:PUBLICATION_REFUSED}),
 * mailed after commit.
 */
@Named("publicationRefusedDelegate")
@ApplicationScoped
public class PublicationRefusedDelegate implements JavaDelegate {

    @Inject
    Notifier notifier;

    @Inject
    NotificationConfig config;

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        Set<String> people = new LinkedHashSet<>();
        people.add(v.reviewedBy());
        people.add(v.launchedBy());
        List<Recipient> recipients = people.stream().filter(Objects::nonNull).map(Recipient::user).toList();
        String title = v.taskTitle();
        String subject = "【评估报告未能发布】" + title;
        String body = "评估：" + title + "\n评估机构：" + v.organisation() + "\n评估期：" + v.periodFrom() + " 至 "
                + v.periodTo() + "\n审核通过：" + v.reviewedBy() + "\n任务服务拒绝发布该评估报告，原因：" + v.publicationRefusal();
        notifier.send(new NotificationDraft(NotificationKind.PUBLICATION_REFUSED, recipients, subject, body,
                config.linkBase() + "/api/evaluations/" + execution.getProcessInstanceId(),
                execution.getProcessInstanceId(), null, null,
                execution.getProcessInstanceId() + ":" + NotificationKind.PUBLICATION_REFUSED));
    }
}
