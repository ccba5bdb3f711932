package org.luoshi.task.evaluation.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The evaluator's score of one subject (a chapter or an indicator of the snapshot) against one rubric criterion. */
@Entity
@Table(name = "evaluation_score")
public class EvaluationScore {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "evaluation_id", nullable = false)
    public Long evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_ref", nullable = false)
    public String subjectRef;

    @Column(nullable = false)
    public String criterion;

    @Column(nullable = false)
    public BigDecimal score;

    public String comment;
}
