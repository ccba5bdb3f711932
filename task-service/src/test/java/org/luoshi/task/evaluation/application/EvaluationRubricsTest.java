package org.luoshi.task.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The default rubric: the one on the classpath, or the file luoshi.evaluation.rubric names, if it is valid. */
class EvaluationRubricsTest {
    static EvaluationRubrics rubrics(Optional<String> file) {
        EvaluationRubrics rubrics = new EvaluationRubrics();
        rubrics.file = file;
        rubrics.json = new ObjectMapper();
        return rubrics;
    }

    @Test
    void withoutConfigurationTheClasspathRubricScoresChaptersAndIndicatorsInFourGrades() {
        var rubric = rubrics(Optional.empty()).defaultRubric();
        assertThat(rubric.criteria()).extracting(c -> c.name())
                .containsExactly("任务完成度", "工作成效", "组织保障", "目标实现程度", "数据质量", "发展趋势");
        assertThat(rubric.grades()).extracting(g -> g.name()).containsExactly("优秀", "良好", "合格", "不合格");
    }

    @Test
    void aConfiguredFileReplacesTheDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.json");
        Files.writeString(file, "{\"criteria\":[{\"subjectKind\":\"CHAPTER\",\"code\":\"done\",\"name\":\"完成情况\","
                + "\"maxScore\":100,\"weight\":1}],\"grades\":[{\"name\":\"达标\",\"minTotal\":60},{\"name\":\"未达标\",\"minTotal\":0}]}");
        var rubric = rubrics(Optional.of(file.toString())).defaultRubric();
        assertThat(rubric.criteria()).extracting(c -> c.code()).containsExactly("done");
    }

    @Test
    void anInvalidConfiguredRubricIsRefusedNamingTheRuleItBreaks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rubric.json");
        Files.writeString(file, "{\"criteria\":[{\"subjectKind\":\"CHAPTER\",\"code\":\"done\",\"name\":\"完成情况\","
                + "\"maxScore\":-1,\"weight\":1}],\"grades\":[{\"name\":\"达标\",\"minTotal\":0}]}");
        assertThatThrownBy(() -> rubrics(Optional.of(file.toString())).defaultRubric())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rubric.criteria[0].maxScore");
        assertThatThrownBy(() -> rubrics(Optional.of(dir.resolve("missing.json").toString())).defaultRubric())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot be read");
    }
}
