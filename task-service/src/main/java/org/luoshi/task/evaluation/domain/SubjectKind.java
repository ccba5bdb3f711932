package org.luoshi.task.evaluation.domain;

/** What an evaluator scores: a chapter of the plan (by its number, e.g. "三") or an indicator (by its id). */
public enum SubjectKind {
    CHAPTER, INDICATOR;

    public String label() {
        return this == CHAPTER ? "章节" : "指标";
    }
}
