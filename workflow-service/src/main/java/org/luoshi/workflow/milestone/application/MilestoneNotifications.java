package org.luoshi.workflow.milestone.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.notification.NotificationDraft;
import org.luoshi.workflow.notification.NotificationKind;
import org.luoshi.workflow.notification.Notifier;
import org.luoshi.workflow.notification.Recipient;
import org.luoshi.workflow.escalation.Ladder;
import org.luoshi.workflow.escalation.LadderNotifications;
import org.luoshi.workflow.escalation.Rung;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;
import org.luoshi.workflow.escalation.LadderContract;
import org.luoshi.workflow.directory.DepartmentNames;
import org.luoshi.workflow.directory.PeopleNames;

/** The texts (Chinese) and recipients of the ladder's and the review's notifications. */
@ApplicationScoped
public class MilestoneNotifications implements LadderNotifications {
    public static final String SUPERVISION_GROUP = LadderContract.SUPERVISION_GROUP;

    @Inject
    Notifier notifier;

    @Inject
    Ladder ladder;

    @Inject
    org.luoshi.workflow.notification.NotificationConfig config;

    @Inject
    DepartmentNames departments;

    @Inject
    PeopleNames people;

    @Override
    public String processKey() {
        return MilestoneReportingProcess.KEY;
    }

    @Override
    public int rung(DelegateExecution execution, Rung rung, java.util.Date rungTime) {
        MilestoneReportingVariables f = MilestoneReportingVariables.of(execution::getVariable);
        List<Recipient> recipients = new ArrayList<>();
        for (String target : ladder.notify(rung)) {
            switch (target) {
                case "lead" -> recipients.add(Recipient.group(f.leadDepartmentCode()));
                case "supervision" -> recipients.add(Recipient.group(SUPERVISION_GROUP));
                case "co" -> f.coDepartmentCodes().forEach(code -> recipients.add(Recipient.group(code)));
                default -> throw new IllegalStateException("unknown notify target " + target);
            }
        }
        String subject = switch (rung) {
            case REMINDER -> "【提醒】节点“" + f.milestoneTitle() + "”将于" + f.dueDate() + "到期，请按时填报";
            case URGING -> "【催办】节点“" + f.milestoneTitle() + "”已逾期（" + f.dueDate() + "到期），请尽快填报";
            case SUPERVISION -> "【督办】节点“" + f.milestoneTitle() + "”逾期未完成（" + f.dueDate() + "到期），已列入督办";
        };
        String body = "任务：" + f.taskTitle() + "\n节点：" + f.milestoneTitle() + "\n完成时限：" + f.dueDate()
                + "\n牵头单位：" + departments.name(f.leadDepartmentCode()) + "\n" + switch (rung) {
                    case REMINDER -> "该节点即将到期，请牵头单位按时填报进展并上传佐证材料。";
                    case URGING -> "该节点已超过完成时限，请牵头单位尽快填报进展，说明原因。";
                    case SUPERVISION -> "该节点逾期时间较长，市政府督查室已列入督办，请牵头单位立即报送进展及整改措施。";
                };
        NotificationKind kind = NotificationKind.valueOf(rung.name());
        return notifier.send(new NotificationDraft(kind, recipients, subject, body, link(execution), execution.getProcessInstanceId(),
                f.taskId(), f.milestoneId(), execution.getProcessInstanceId() + ":" + kind + ":" + rungTime.getTime()));
    }

    public int decision(DelegateExecution execution, boolean approved, String reportKey, String submittedBy,
            String comment, String decidedBy) {
        MilestoneReportingVariables f = MilestoneReportingVariables.withLists(execution::getVariable);
        List<Recipient> recipients = new ArrayList<>(List.of(Recipient.group(f.leadDepartmentCode())));
        if (submittedBy != null) {
            recipients.add(Recipient.user(submittedBy));
        }
        NotificationKind kind = approved ? NotificationKind.REPORT_APPROVED : NotificationKind.REPORT_REJECTED;
        String subject = approved ? "【审核通过】节点“" + f.milestoneTitle() + "”的填报已通过审核"
                : "【审核退回】节点“" + f.milestoneTitle() + "”的填报被退回，请修改后重新填报";
        String body = "任务：" + f.taskTitle() + "\n节点：" + f.milestoneTitle() + "\n审核人：" + people.name(decidedBy)
                + (approved ? "\n督查室已审核通过，该节点已完成。" : "\n退回意见：" + comment);
        return notifier.send(new NotificationDraft(kind, recipients, subject, body, link(execution),
                execution.getProcessInstanceId(), f.taskId(), f.milestoneId(), reportKey + ":" + kind));
    }

    /**
     * 催办 by hand (the supervising office): the lead department is told to report now. The ladder skips rungs that
     * were already past when it was armed, so a milestone late when its tracking started is chased this way.
     */
    public List<String> chase(String processInstanceId, Map<String, Object> variables, String chasedBy, Clock clock) {
        MilestoneReportingVariables f = MilestoneReportingVariables.of(variables::get);
        String subject = "【催办】节点“" + f.milestoneTitle() + "”（" + f.dueDate() + "到期）请尽快填报进展";
        String body = "任务：" + f.taskTitle() + "\n节点：" + f.milestoneTitle() + "\n完成时限：" + f.dueDate()
                + "\n牵头单位：" + departments.name(f.leadDepartmentCode()) + "\n催办人：" + people.name(chasedBy)
                + "\n市政府督查室催办：请牵头单位尽快填报该节点进展并上传佐证材料，逾期的请说明原因。";
        notifier.send(new NotificationDraft(NotificationKind.URGING, List.of(Recipient.group(f.leadDepartmentCode())), subject, body,
                link(processInstanceId), processInstanceId, f.taskId(), f.milestoneId(),
                processInstanceId + ":CHASE:" + clock.millis()));
        return List.of(f.leadDepartmentCode());
    }

    private String link(DelegateExecution execution) {
        return link(execution.getProcessInstanceId());
    }

    private String link(String processInstanceId) {
        return config.linkBase() + "/api/milestone-items?processInstanceId=" + processInstanceId;
    }
}
