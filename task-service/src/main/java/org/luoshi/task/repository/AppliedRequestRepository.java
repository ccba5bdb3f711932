package org.luoshi.task.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.AppliedRequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppliedRequestRepository implements PanacheRepositoryBase<AppliedRequest, String> {
}
