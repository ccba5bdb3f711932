package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.Evaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<Evaluation> {
    /** Newest first; all plans when planId is null. */
    public List<Evaluation> listNewestFirst(Long planId) {
        return planId == null ? list("order by id desc") : list("planId = ?1 order by id desc", planId);
    }
}
