package org.luoshi.task.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One finding of the evaluator, naming the task and/or the indicator it is about: a reference by id, so that what
 * follows from it (a proposal) does not depend on reading the text.
 */
@Entity
@Table(name = "evaluation_finding")
public class EvaluationFinding {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evaluation_id", nullable = false)
    public Long evaluationId;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String text;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "indicator_id")
    public Long indicatorId;
}
