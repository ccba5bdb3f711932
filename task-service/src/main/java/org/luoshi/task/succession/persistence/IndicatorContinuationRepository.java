package org.luoshi.task.succession.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.succession.domain.IndicatorContinuation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IndicatorContinuationRepository implements PanacheRepositoryBase<IndicatorContinuation, Long> {
}
