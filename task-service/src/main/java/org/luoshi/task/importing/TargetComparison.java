package org.luoshi.task.importing;

/** How the target value of an indicator is to be read. */
public enum TargetComparison {
    /** 左右, 约, 上下: about the value. */
    ABOUT,
    /**
     * 不低于, 不少于, ≥, 达到…以上; also the default for a bare target ("达到X", "提高到X", a bare cell in a table),
     * since a plan's target is met by reaching it.
     */
    AT_LEAST,
    /** 超过, 突破, 高于, >, and …以上 after any other verb. */
    MORE_THAN,
    /** 不超过, 不高于, 控制在, 以内, 以下, ≤; also "降低到/下降到X" without a qualifier. */
    AT_MOST
}
