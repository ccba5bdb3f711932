package org.luoshi.task.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scoring rules, without a server. */
class RubricPolicyTest {
    static final Rubric RUBRIC = new Rubric(List.of(
            new Rubric.Criterion(SubjectKind.CHAPTER, "completion", "任务完成度", BigDecimal.TEN, new BigDecimal("60")),
            new Rubric.Criterion(SubjectKind.INDICATOR, "attainment", "目标实现程度", new BigDecimal("5"), new BigDecimal("40"))),
            List.of(new Rubric.Grade("优秀", new BigDecimal("90")), new Rubric.Grade("合格", new BigDecimal("60")),
                    new Rubric.Grade("不合格", BigDecimal.ZERO)));

    static RubricPolicy.Scored scored(SubjectKind kind, String ref, String criterion, String score) {
        return new RubricPolicy.Scored(kind, ref, criterion, new BigDecimal(score));
    }

    @Test
    void theTotalWeightsTheMeanShareOfTheMaximumPerCriterion() {
        RubricPolicy.Result result = RubricPolicy.total(RUBRIC, List.of(
                scored(SubjectKind.CHAPTER, "三", "completion", "10"), scored(SubjectKind.CHAPTER, "四", "completion", "8"),
                scored(SubjectKind.INDICATOR, "1", "attainment", "4")));
        // (0.9 × 60 + 0.8 × 40) / 100 × 100 = 86
        assertThat(result.total()).isEqualByComparingTo("86.0");
        assertThat(result.grade()).isEqualTo("合格");
    }

    @Test
    void unscoredCriteriaDoNotPullTheTotalDownAndNoScoreMeansNoTotal() {
        assertThat(RubricPolicy.total(RUBRIC, List.of(scored(SubjectKind.INDICATOR, "1", "attainment", "5"))).total())
                .isEqualByComparingTo("100.0");
        assertThat(RubricPolicy.total(RUBRIC, List.of())).isEqualTo(new RubricPolicy.Result(null, null));
    }

    @Test
    void gradeBandsIncludeTheirLowestTotal() {
        assertThat(RubricPolicy.grade(RUBRIC, new BigDecimal("90"))).isEqualTo("优秀");
        assertThat(RubricPolicy.grade(RUBRIC, new BigDecimal("89.9"))).isEqualTo("合格");
        assertThat(RubricPolicy.grade(RUBRIC, new BigDecimal("59.9"))).isEqualTo("不合格");
    }

    @Test
    void aScoreMustNameACriterionOfItsKindAndStayWithinTheMaximum() {
        assertThat(RubricPolicy.check(RUBRIC, scored(SubjectKind.INDICATOR, "1", "completion", "1"), "s"))
                .map(RubricPolicy.Violation::field).contains("s.criterion");
        assertThat(RubricPolicy.check(RUBRIC, scored(SubjectKind.INDICATOR, "1", "attainment", "5.01"), "s"))
                .map(RubricPolicy.Violation::field).contains("s.score");
        assertThat(RubricPolicy.check(RUBRIC, scored(SubjectKind.INDICATOR, "1", "attainment", "5"), "s")).isEmpty();
    }

    @Test
    void aRubricWithDuplicateCodesOrGradesNotStartingAtZeroIsRefused() {
        Rubric duplicate = new Rubric(List.of(RUBRIC.criteria().get(0), RUBRIC.criteria().get(0)), RUBRIC.grades());
        assertThat(RubricPolicy.check(duplicate, "rubric")).map(RubricPolicy.Violation::field).contains("rubric.criteria[1].code");
        Rubric noZero = new Rubric(RUBRIC.criteria(), List.of(new Rubric.Grade("优秀", new BigDecimal("90"))));
        assertThat(RubricPolicy.check(noZero, "rubric")).map(RubricPolicy.Violation::field).contains("rubric.grades");
        Rubric noWeight = new Rubric(List.of(new Rubric.Criterion(SubjectKind.CHAPTER, "c", "完成度", BigDecimal.TEN,
                BigDecimal.ZERO)), RUBRIC.grades());
        assertThat(RubricPolicy.check(noWeight, "rubric")).map(RubricPolicy.Violation::field)
                .contains("rubric.criteria[0].weight");
        assertThat(RubricPolicy.check(RUBRIC, "rubric")).isEmpty();
        assertThat(RubricPolicy.check(null, "rubric")).isPresent();
    }
}
