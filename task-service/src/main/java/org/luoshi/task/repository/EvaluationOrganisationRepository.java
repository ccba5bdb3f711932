package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.EvaluationOrganisation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvaluationOrganisationRepository implements PanacheRepositoryBase<EvaluationOrganisation, String> {
    public List<EvaluationOrganisation> listOrdered() {
        return list("order by code");
    }
}
