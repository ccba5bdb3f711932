package org.luoshi.task.evaluation.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** 自评: a department's self-assessment within an evaluation; MISSING until it is submitted. */
@Entity
@Table(name = "evaluation_self_assessment")
@IdClass(EvaluationSelfAssessment.Key.class)
public class EvaluationSelfAssessment {
    @Id
    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Id
    @Column(name = "department_code")
    public String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SelfAssessmentStatus status = SelfAssessmentStatus.MISSING;

    public String summary;

    public String achievements;

    public String problems;

    @Column(name = "next_steps")
    public String nextSteps;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    public static class Key implements Serializable {
        public Long evaluationId;
        public String departmentCode;

        public Key() {
        }

        public Key(Long evaluationId, String departmentCode) {
            this.evaluationId = evaluationId;
            this.departmentCode = departmentCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(evaluationId, k.evaluationId)
                    && Objects.equals(departmentCode, k.departmentCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(evaluationId, departmentCode);
        }
    }
}
