package org.luoshi.task.plan.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chapter of a plan (一、…). Context chapters hold goals and background rather than tasks. */
@Entity
@Table(name = "plan_chapter")
public class PlanChapter {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String number;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public boolean context;

    /** Paragraphs between the chapter heading and its first section. */
    public String introduction;
}
