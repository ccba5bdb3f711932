package org.luoshi.task.evaluation.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * 评分标准: the criteria per subject kind, each with its maximum score and its weight in the total, and the grade bands
 * (优秀/良好/合格/不合格) by the lowest total (0–100) that earns them. {@link RubricPolicy} checks and applies it.
 */
public record Rubric(List<Criterion> criteria, List<Grade> grades) {

    public record Criterion(SubjectKind subjectKind, String code, String name, BigDecimal maxScore, BigDecimal weight) {
    }

    public record Grade(String name, BigDecimal minTotal) {
    }

    public Optional<Criterion> criterion(SubjectKind kind, String code) {
        return criteria.stream().filter(c -> c.subjectKind() == kind && c.code().equals(code)).findFirst();
    }
}
