package org.luoshi.task.tracking.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 考核 of one plan's departments over a period, as task-service records it (docs/assessment.md). {@code taskIds} are
 * the plan's tasks, so that workflow-service can count the escalations and adjustment requests of this plan.
 */
public record DepartmentAssessment(long planId, LocalDate from, LocalDate to, LocalDate asOf, List<Long> taskIds,
        List<Row> departments) {

    /**
     * One department. Milestones due in the period: {@code onTime}, {@code late}, {@code missing} (judged as of
     * {@code asOf}), {@code notDue} (not yet judged); {@code averageDaysLate} over late and missing ones (null without);
     * {@code returned}: its reports returned in the period; {@code red}/{@code yellow}/{@code green}: its tasks today.
     */
    public record Row(String departmentCode, String nameZh, String nameEn, int onTime, int late, int missing,
            int notDue, BigDecimal averageDaysLate, int returned, int red, int yellow, int green) {
    }
}
