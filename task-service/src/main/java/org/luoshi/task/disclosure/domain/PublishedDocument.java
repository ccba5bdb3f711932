package org.luoshi.task.disclosure.domain;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A document made public with a plan's status (an approved evaluation report file), byte for byte as approved. */
@Entity
@Immutable
@Table(name = "published_document")
public class PublishedDocument {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String filename;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** Kept for the record, never shown to the public. */
    @Column(name = "published_by", nullable = false)
    public String publishedBy;
}
