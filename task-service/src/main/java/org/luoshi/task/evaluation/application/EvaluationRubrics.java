package org.luoshi.task.evaluation.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.luoshi.task.evaluation.domain.Rubric;
import org.luoshi.task.evaluation.domain.RubricPolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The default rubric (评分标准): {@code evaluation-rubric.json} on the classpath, or the file named by
 * {@code luoshi.evaluation.rubric}. Read once; a rubric that breaks {@link RubricPolicy}'s rules stops its first use
 * with the rule it breaks, rather than scoring evaluations against it.
 */
@ApplicationScoped
public class EvaluationRubrics {
    static final String CLASSPATH_DEFAULT = "evaluation-rubric.json";

    @ConfigProperty(name = "luoshi.evaluation.rubric")
    Optional<String> file;

    @Inject
    ObjectMapper json;

    private volatile Rubric defaultRubric;

    public Rubric defaultRubric() {
        Rubric rubric = defaultRubric;
        if (rubric == null) {
            rubric = load();
            defaultRubric = rubric;
        }
        return rubric;
    }

    /** A stored rubric (the evaluation's own, as JSON text). */
    public Rubric read(String text) {
        try {
            return json.readValue(text, Rubric.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored rubric is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public String write(Rubric rubric) {
        try {
            return json.writeValueAsString(rubric);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rubric load() {
        String source = file.filter(f -> !f.isBlank()).orElse("classpath:" + CLASSPATH_DEFAULT);
        Rubric rubric;
        try (InputStream in = file.filter(f -> !f.isBlank()).isPresent() ? Files.newInputStream(Path.of(file.get()))
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(CLASSPATH_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException("the default rubric " + source + " is missing");
            }
            rubric = json.readValue(in, Rubric.class);
        } catch (IOException e) {
            throw new IllegalStateException("the rubric " + source + " cannot be read: " + e.getMessage(), e);
        }
        RubricPolicy.check(rubric, "rubric").ifPresent(v -> {
            throw new IllegalStateException("the rubric " + source + " is not valid: " + v.field() + ": " + v.message());
        });
        return rubric;
    }
}
