package org.luoshi.task.tracking.domain;

/** LEAD: the lead department's report on the milestone; SUB: a co-department's contribution to it. */
public enum ReportKind {
    LEAD, SUB
}
