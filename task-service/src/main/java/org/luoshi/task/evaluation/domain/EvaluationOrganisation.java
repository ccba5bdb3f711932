package org.luoshi.task.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A third-party evaluation organisation (第三方评估机构). */
@Entity
@Table(name = "evaluation_organisation")
public class EvaluationOrganisation {
    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
