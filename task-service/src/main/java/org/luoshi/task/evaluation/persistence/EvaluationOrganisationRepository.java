package org.luoshi.task.evaluation.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.evaluation.domain.EvaluationOrganisation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvaluationOrganisationRepository implements PanacheRepositoryBase<EvaluationOrganisation, String> {
    public List<EvaluationOrganisation> listOrdered() {
        return list("order by code");
    }
}
