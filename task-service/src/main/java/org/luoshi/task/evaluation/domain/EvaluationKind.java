package org.luoshi.task.evaluation.domain;

/** 中期评估 or 末期评估. */
public enum EvaluationKind {
    MID_TERM, FINAL;

    /** As the report's title says it. */
    public String reportTitle() {
        return this == MID_TERM ? "中期评估报告" : "末期评估报告";
    }
}
