package org.luoshi.task.tracking.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.TaskRevision;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TaskRevisionRepository implements PanacheRepository<TaskRevision> {
}
