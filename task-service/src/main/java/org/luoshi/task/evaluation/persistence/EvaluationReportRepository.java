package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvaluationReportRepository implements PanacheRepositoryBase<EvaluationReport, EvaluationReport.Key> {
    public List<EvaluationReport> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by format", evaluationId);
    }
}
