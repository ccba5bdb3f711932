package org.luoshi.workflow.assessment.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 考核 of a plan's departments over a period (docs/assessment.md): task-service's record of milestones, reports and
 * lights next to this service's record of 催办, 督办 and adjustment requests.
 */
public record DepartmentAssessmentView(long planId, LocalDate from, LocalDate to, LocalDate asOf,
        List<Row> departments) {

    public record Row(String departmentCode, String nameZh, String nameEn, int onTime, int late, int missing,
            int notDue, BigDecimal averageDaysLate, int urgings, int supervisions, int returned,
            int adjustmentsRequested, int adjustmentsApproved, int red, int yellow, int green) {
    }
}
