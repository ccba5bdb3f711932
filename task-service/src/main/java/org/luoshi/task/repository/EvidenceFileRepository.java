package org.luoshi.task.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.EvidenceFile;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class EvidenceFileRepository implements PanacheRepository<EvidenceFile> {
}
