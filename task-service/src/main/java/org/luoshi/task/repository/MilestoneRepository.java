package org.luoshi.task.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.Milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone> {
}
