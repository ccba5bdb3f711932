package org.luoshi.task.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A section of a chapter (（一）…). In a context chapter its text is kept whole as context. */
@Entity
@Table(name = "plan_section")
public class PlanSection {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "chapter_id", nullable = false)
    public Long chapterId;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(name = "context_text")
    public String contextText;
}
