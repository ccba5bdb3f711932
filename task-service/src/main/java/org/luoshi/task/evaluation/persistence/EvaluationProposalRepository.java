package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationProposal;
import org.luoshi.task.evaluation.domain.ProposalStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvaluationProposalRepository implements PanacheRepository<EvaluationProposal> {
    public List<EvaluationProposal> ofEvaluation(long evaluationId) {
        return list("evaluationId = ?1 order by id", evaluationId);
    }

    public List<EvaluationProposal> withStatus(ProposalStatus status) {
        return list("status = ?1 order by id", status);
    }
}
