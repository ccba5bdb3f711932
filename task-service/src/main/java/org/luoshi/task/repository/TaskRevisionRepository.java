package org.luoshi.task.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.TaskRevision;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TaskRevisionRepository implements PanacheRepository<TaskRevision> {
}
