package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationScore;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationScoreRepository implements PanacheRepository<EvaluationScore> {
    public List<EvaluationScore> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by subjectKind, subjectRef, criterion", evaluationId);
    }
}
