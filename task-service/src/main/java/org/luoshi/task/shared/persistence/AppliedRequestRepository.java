package org.luoshi.task.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.shared.domain.AppliedRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppliedRequestRepository implements PanacheRepositoryBase<AppliedRequest, String> {
}
