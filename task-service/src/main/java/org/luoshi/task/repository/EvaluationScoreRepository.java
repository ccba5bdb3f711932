package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.EvaluationScore;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationScoreRepository implements PanacheRepository<EvaluationScore> {
    public List<EvaluationScore> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by subjectKind, subjectRef, criterion", evaluationId);
    }
}
