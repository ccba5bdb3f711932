package org.luoshi.task.disclosure.domain;

import org.luoshi.task.evaluation.domain.ProposalStatus;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorOutlook;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;

/** The words the public reads for the model's codes, as the assessment report prints them. */
public final class PublicLabels {
    private PublicLabels() {
    }

    public static String of(IndicatorKind kind) {
        return switch (kind) {
            case EXPECTED -> "预期性";
            case BINDING -> "约束性";
        };
    }

    public static String of(TargetComparison comparison) {
        return switch (comparison) {
            case ABOUT -> "左右";
            case AT_LEAST -> "不低于";
            case MORE_THAN -> "超过";
            case AT_MOST -> "不超过";
        };
    }

    public static String of(ValueRevision revision) {
        return switch (revision) {
            case PRELIMINARY -> "初步数";
            case REVISED -> "修订数";
        };
    }

    public static String of(IndicatorOutlook outlook) {
        return switch (outlook) {
            case MET -> "已实现";
            case MISSED -> "未实现";
            case ON_TRACK -> "进度正常";
            case AT_RISK -> "进度滞后";
            case UNLIKELY -> "难以完成";
            case NO_DATA -> "暂无数据";
        };
    }

    /** Who decides proposals: the supervising office (its supervisors and admins), never a person's name. */
    public static final String SUPERVISING_OFFICE = "督查室";

    public static String of(ProposalStatus status) {
        return switch (status) {
            case OPEN -> "待决定";
            case ADJUSTMENT_STARTED -> "已启动动态调整";
            case DECLINED -> "不予调整";
        };
    }
}
