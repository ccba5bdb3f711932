package org.luoshi.workflow.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Who a process's ladder rung tells what. The ladder itself (times, skipping, configuration) is {@link Ladder} and the
 * same for every process; each process with a ladder has one of these, chosen by {@link #processKey()}.
 */
public interface LadderNotifications {
    /** The BPMN process id this applies to. */
    String processKey();

    /** Sends the rung's notifications for the instance; returns how many were stored. */
    int rung(DelegateExecution execution, Rung rung, Date rungTime);
}
