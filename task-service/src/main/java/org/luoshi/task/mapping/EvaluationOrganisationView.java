package org.luoshi.task.mapping;

import org.luoshi.task.domain.EvaluationOrganisation;

public record EvaluationOrganisationView(String code, String nameZh, String nameEn) {
    public static EvaluationOrganisationView of(EvaluationOrganisation o) {
        return new EvaluationOrganisationView(o.code, o.nameZh, o.nameEn);
    }
}
