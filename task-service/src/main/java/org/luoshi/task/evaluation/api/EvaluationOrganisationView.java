package org.luoshi.task.evaluation.api;

import org.luoshi.task.evaluation.domain.EvaluationOrganisation;

public record EvaluationOrganisationView(String code, String nameZh, String nameEn) {
    public static EvaluationOrganisationView of(EvaluationOrganisation o) {
        return new EvaluationOrganisationView(o.code, o.nameZh, o.nameEn);
    }
}
