package org.luoshi.task.tracking.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.EvidenceFile;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepository<EvidenceFile> {
}
