package org.luoshi.task.evaluation.domain;

/** 未提交 / 已提交. */
public enum SelfAssessmentStatus {
    MISSING, SUBMITTED
}
