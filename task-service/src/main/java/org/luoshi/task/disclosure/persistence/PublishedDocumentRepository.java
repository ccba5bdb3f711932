package org.luoshi.task.disclosure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.disclosure.domain.PublishedDocument;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PublishedDocumentRepository implements PanacheRepository<PublishedDocument> {
    public List<PublishedDocument> ofPlan(long planId) {
        return list("planId", Sort.by("id"), planId);
    }
}
