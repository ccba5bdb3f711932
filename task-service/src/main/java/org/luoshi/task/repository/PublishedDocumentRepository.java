package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.disclosure.PublishedDocument;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PublishedDocumentRepository implements PanacheRepository<PublishedDocument> {
    public List<PublishedDocument> ofPlan(long planId) {
        return list("planId", Sort.by("id"), planId);
    }
}
