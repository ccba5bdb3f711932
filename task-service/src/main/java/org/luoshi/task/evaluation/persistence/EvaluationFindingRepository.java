package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationFinding;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationFindingRepository implements PanacheRepository<EvaluationFinding> {
    public List<EvaluationFinding> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by ordinal", evaluationId);
    }
}
