package org.luoshi.task.evaluation.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationSelfAssessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvaluationSelfAssessmentRepository
        implements PanacheRepositoryBase<EvaluationSelfAssessment, EvaluationSelfAssessment.Key> {
    public List<EvaluationSelfAssessment> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by departmentCode", evaluationId);
    }

    /** The departments in scope of each of the evaluations. */
    public Map<Long, List<String>> departmentsOf(Collection<Long> evaluationIds) {
        if (evaluationIds.isEmpty()) {
            return Map.of();
        }
        return list("evaluationId in ?1 order by departmentCode", evaluationIds).stream().collect(Collectors.groupingBy(
                s -> s.evaluationId, Collectors.mapping(s -> s.departmentCode, Collectors.toList())));
    }
}
