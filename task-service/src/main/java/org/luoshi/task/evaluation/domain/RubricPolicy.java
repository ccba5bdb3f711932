package org.luoshi.task.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scoring rules (评分规则).
 * <ul>
 * <li>A rubric needs at least one criterion; every criterion a subject kind, a code unique within its kind, a name,
 * a maximum score above 0 and a weight above 0. Grades need a name and a lowest total between 0 and 100, no two
 * alike, and one of them must start at 0 so that every total earns a grade.</li>
 * <li>A score names a criterion of the rubric for its subject kind and lies between 0 and the criterion's maximum.</li>
 * <li>The total (0–100): for every criterion scored at least once, the mean of score ÷ maximum over the subjects
 * scored; those means weighted by the criteria's weights, divided by the sum of the weights of the scored criteria,
 * times 100, rounded half up (四舍五入) to one decimal. Unscored criteria do not pull the total down: an evaluation
 * scored in part has a total of what was scored. No score, no total.</li>
 * <li>The grade is the one with the highest lowest total not above the total.</li>
 * </ul>
 */
public final class RubricPolicy {
    private static final int SCALE = 1;

    private RubricPolicy() {
    }

    /** A rule broken, naming the field of the rubric or score it is about. */
    public record Violation(String field, String message) {
    }

    public record Scored(SubjectKind subjectKind, String subjectRef, String criterion, BigDecimal score) {
    }

    public record Result(BigDecimal total, String grade) {
    }

    public static Optional<Violation> check(Rubric rubric, String prefix) {
        if (rubric == null) {
            return Optional.of(new Violation(prefix, "a rubric is required"));
        }
        if (rubric.criteria() == null || rubric.criteria().isEmpty()) {
            return Optional.of(new Violation(prefix + ".criteria", "a rubric needs at least one criterion"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rubric.criteria().size(); i++) {
            Rubric.Criterion c = rubric.criteria().get(i);
            String at = prefix + ".criteria[" + i + "]";
            if (c == null) {
                return Optional.of(new Violation(at, "must not be null"));
            }
            if (c.subjectKind() == null) {
                return Optional.of(new Violation(at + ".subjectKind", "must be CHAPTER or INDICATOR"));
            }
            if (blank(c.code())) {
                return Optional.of(new Violation(at + ".code", "must not be blank"));
            }
            if (!codes.add(c.subjectKind() + "/" + c.code())) {
                return Optional.of(new Violation(at + ".code", "'" + c.code() + "' appears twice for " + c.subjectKind()));
            }
            if (blank(c.name())) {
                return Optional.of(new Violation(at + ".name", "must not be blank"));
            }
            if (c.maxScore() == null || c.maxScore().signum() <= 0) {
                return Optional.of(new Violation(at + ".maxScore", "must be above 0"));
            }
            if (c.weight() == null || c.weight().signum() <= 0) {
                return Optional.of(new Violation(at + ".weight", "must be above 0"));
            }
        }
        if (rubric.grades() == null || rubric.grades().isEmpty()) {
            return Optional.of(new Violation(prefix + ".grades", "a rubric needs grades"));
        }
        Set<BigDecimal> mins = new HashSet<>();
        boolean fromZero = false;
        for (int i = 0; i < rubric.grades().size(); i++) {
            Rubric.Grade g = rubric.grades().get(i);
            String at = prefix + ".grades[" + i + "]";
            if (g == null || blank(g.name())) {
                return Optional.of(new Violation(at + ".name", "must not be blank"));
            }
            if (g.minTotal() == null || g.minTotal().signum() < 0 || g.minTotal().compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.of(new Violation(at + ".minTotal", "must be between 0 and 100"));
            }
            if (!mins.add(g.minTotal().stripTrailingZeros())) {
                return Optional.of(new Violation(at + ".minTotal", "two grades start at " + g.minTotal().toPlainString()));
            }
            fromZero |= g.minTotal().signum() == 0;
        }
        if (!fromZero) {
            return Optional.of(new Violation(prefix + ".grades", "one grade must start at 0, so that every total has a grade"));
        }
        return Optional.empty();
    }

    /** Checks a score against the rubric: its criterion exists for its subject kind and the score is within range. */
    public static Optional<Violation> check(Rubric rubric, Scored score, String prefix) {
        Optional<Rubric.Criterion> criterion = rubric.criterion(score.subjectKind(), score.criterion());
        if (criterion.isEmpty()) {
            return Optional.of(new Violation(prefix + ".criterion", "the rubric has no " + score.subjectKind()
                    + " criterion '" + score.criterion() + "'"));
        }
        if (score.score().signum() < 0) {
            return Optional.of(new Violation(prefix + ".score", "must not be negative"));
        }
        if (score.score().compareTo(criterion.get().maxScore()) > 0) {
            return Optional.of(new Violation(prefix + ".score", "must not exceed the criterion's maximum of "
                    + criterion.get().maxScore().stripTrailingZeros().toPlainString()));
        }
        return Optional.empty();
    }

    /** The weighted total and its grade; both null without scores. Scores must have passed {@link #check}. */
    public static Result total(Rubric rubric, List<Scored> scores) {
        Map<Rubric.Criterion, List<BigDecimal>> ratios = new LinkedHashMap<>();
        for (Scored s : scores) {
            Rubric.Criterion c = rubric.criterion(s.subjectKind(), s.criterion())
                    .orElseThrow(() -> new IllegalArgumentException("no criterion " + s.criterion()));
            ratios.computeIfAbsent(c, k -> new ArrayList<>()).add(s.score().divide(c.maxScore(), 10, RoundingMode.HALF_UP));
        }
        if (ratios.isEmpty()) {
            return new Result(null, null);
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Map.Entry<Rubric.Criterion, List<BigDecimal>> e : ratios.entrySet()) {
            BigDecimal mean = e.getValue().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(e.getValue().size()), 10, RoundingMode.HALF_UP);
            weighted = weighted.add(mean.multiply(e.getKey().weight()));
            weights = weights.add(e.getKey().weight());
        }
        BigDecimal total = weighted.multiply(BigDecimal.valueOf(100)).divide(weights, SCALE, RoundingMode.HALF_UP);
        return new Result(total, grade(rubric, total));
    }

    public static String grade(Rubric rubric, BigDecimal total) {
        return rubric.grades().stream().filter(g -> g.minTotal().compareTo(total) <= 0)
                .max(Comparator.comparing(Rubric.Grade::minTotal)).map(Rubric.Grade::name).orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
