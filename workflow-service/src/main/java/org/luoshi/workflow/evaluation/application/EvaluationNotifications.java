package org.luoshi.workflow.evaluation.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.luoshi.workflow.directory.DepartmentNames;
import org.luoshi.workflow.directory.PeopleNames;
import org.luoshi.workflow.escalation.ChaseResult;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.escalation.Ladder;
import org.luoshi.workflow.escalation.LadderNotifications;
import org.luoshi.workflow.escalation.Rung;
import org.luoshi.workflow.notification.NotificationConfig;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.Notifier;
import org.luoshi.workflow.notification.Recipient;
import org.luoshi.workflow.escalation.LadderContract;

/**
 * The texts (Chinese) and recipients of 规划实施评估's self-assessment reminders: the ladder's rungs and the
 * evaluator's or supervisor's chase. Only departments whose 自评 is still missing are told; the ladder's notify target
 * {@code lead} means them here, {@code supervision} the supervising office, {@code co} nobody.
 */
@ApplicationScoped
public class EvaluationNotifications implements LadderNotifications {
    @Inject
    Notifier notifier;

    @Inject
    DepartmentNames departments;

    @Inject
    PeopleNames people;

    @Inject
    Ladder ladder;

    @Inject
    NotificationConfig config;

    @Inject
    OpenSelfAssessments openSelfAssessments;

    @Override
    public String processKey() {
        return EvaluationProcess.KEY;
    }

    @Override
    public int rung(DelegateExecution execution, Rung rung, Date rungTime) {
        String pi = execution.getProcessInstanceId();
        Collection<String> missing = openSelfAssessments.of(pi).keySet();
        if (missing.isEmpty()) {
            return 0;
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String target : ladder.notify(rung)) {
            switch (target) {
                case "lead" -> missing.forEach(code -> recipients.add(Recipient.group(code)));
                case "supervision" -> recipients.add(Recipient.group(LadderContract.SUPERVISION_GROUP));
                case "co" -> {
                    // an evaluation has no co-departments
                }
                default -> throw new IllegalStateException("unknown notify target " + target);
            }
        }
        Facts f = Facts.of(execution.getVariables());
        String subject = switch (rung) {
            case REMINDER -> "【提醒】" + f.title() + "：请于" + f.due() + "前提交部门自评";
            case URGING -> "【催办】" + f.title() + "：部门自评已逾期（" + f.due() + "到期），请尽快提交";
            case SUPERVISION -> "【督办】" + f.title() + "：部门自评逾期未交（" + f.due() + "到期），已列入督办";
        };
        String body = body(f, missing) + switch (rung) {
            case REMINDER -> "部门自评即将到期，请按时填写工作总结、主要成效、存在问题和下一步工作。";
            case URGING -> "部门自评已超过时限，请尽快提交；评估机构提交评估报告后将不再接收。";
            case SUPERVISION -> "部门自评逾期时间较长，市政府督查室已列入督办，请立即提交。";
        };
        return notifier.send(new NotificationDraft(NotificationKind.valueOf(rung.name()), recipients, subject, body,
                link(pi), pi, null, null, pi + ":" + rung.name() + ":" + rungTime.getTime()));
    }

    /**
     * 催办 by hand: one notification to each department whose 自评 is missing, at most one per department and calendar
     * day (in the ladder's zone) however often it is asked — the occasion key holds the day, so a repeat, even a
     * concurrent one, stores and mails nothing. Returns who was told and who was not, with the reason.
     */
    public ChaseResult chase(String processInstanceId, Map<String, Object> variables, String chasedBy, Clock clock) {
        Facts f = Facts.of(variables);
        List<String> missing = openSelfAssessments.of(processInstanceId).keySet().stream().sorted().toList();
        String subject = "【催办】" + f.title() + "：请尽快提交部门自评（" + f.due() + "到期）";
        String body = body(f, missing) + "催办人：" + people.name(chasedBy) + "\n请尽快填写并提交部门自评。";
        LocalDate today = LocalDate.now(clock.withZone(ladder.zone()));
        List<String> chased = new ArrayList<>();
        List<ChaseResult.Refusal> refused = new ArrayList<>();
        for (String department : missing) {
            int stored = notifier.send(new NotificationDraft(NotificationKind.URGING, List.of(Recipient.group(department)),
                    subject, body, link(processInstanceId), processInstanceId, null, null,
                    processInstanceId + ":CHASE:" + today));
            if (stored > 0) {
                chased.add(department);
            } else {
                refused.add(new ChaseResult.Refusal(department, "already chased on " + today + "; at most once a day"));
            }
        }
        return new ChaseResult(processInstanceId, chased, refused);
    }

    private String body(Facts f, Collection<String> missing) {
        return "评估：" + f.title() + "\n评估期：" + f.periodFrom() + " 至 " + f.periodTo() + "\n自评时限：" + f.due()
                + "\n尚未提交自评的部门：" + departments.names(missing) + "\n";
    }

    private String link(String processInstanceId) {
        return config.linkBase() + "/api/evaluation-items?processInstanceId=" + processInstanceId;
    }

    record Facts(String title, String due, String periodFrom, String periodTo) {
        static Facts of(Map<String, Object> v) {
            return new Facts(String.valueOf(v.get(EvaluationProcess.VAR_TASK_TITLE)),
                    String.valueOf(v.get(EvaluationProcess.VAR_SELF_ASSESSMENT_DUE)),
                    String.valueOf(v.get(EvaluationProcess.VAR_PERIOD_FROM)), String.valueOf(v.get(EvaluationProcess.VAR_PERIOD_TO)));
        }
    }
}
