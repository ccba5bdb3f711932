package org.luoshi.task.disclosure.domain;

/** What made a status snapshot public. */
public enum DisclosureTrigger {
    /** The supervising office published it. */
    MANUAL,
    /** The regular disclosure (定期公布) of its schedule. */
    SCHEDULED,
    /** An evaluation was published, with its report. */
    EVALUATION
}
