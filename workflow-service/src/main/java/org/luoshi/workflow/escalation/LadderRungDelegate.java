package org.luoshi.workflow.escalation;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jboss.logging.Logger;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.luoshi.workflow.shared.ProcessValues;

/**
 * Service tasks {@code notifyReminder}, {@code notifyUrging}, {@code notifySupervision}: the rung (by activity id) is
 * notified unless it was skipped because its time lay before the ladder was armed. Every process with a ladder
 * (节点填报与审核, 规划实施评估) uses these activity ids and the variables {@code dueDate} and {@code ladderArmedAt};
 * what is said to whom is the process's {@link LadderNotifications}.
 */
@Named("ladderRungDelegate")
@ApplicationScoped
public class LadderRungDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(LadderRungDelegate.class);

    @Inject
    Ladder ladder;

    @Inject
    jakarta.enterprise.inject.Instance<LadderNotifications> notifications;

    @Override
    public void execute(DelegateExecution execution) {
        Rung rung = Rung.ofActivity(execution.getCurrentActivityId());
        String dueDate = ProcessValues.asString(execution.getVariable(LadderContract.VAR_DUE_DATE));
        Date armedAt = (Date) execution.getVariable(LadderContract.VAR_LADDER_ARMED_AT);
        if (ladder.skipped(rung, dueDate, armedAt)) {
            LOG.infof("%s of process %s skipped: due %s, its time %s lay before the ladder was armed (%s)", rung,
                    execution.getProcessInstanceId(), dueDate, ladder.at(rung, dueDate), armedAt);
            return;
        }
        int sent = notificationsOf(execution).rung(execution, rung, ladder.at(rung, dueDate));
        LOG.infof("%s (%s) of process %s: %d notification(s)", rung, rung.label, execution.getProcessInstanceId(), sent);
    }

    private LadderNotifications notificationsOf(DelegateExecution execution) {
        String key = ((ExecutionEntity) execution).getProcessDefinition().getKey();
        for (LadderNotifications candidate : notifications) {
            if (candidate.processKey().equals(key)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No ladder notifications for process " + key);
    }
}
