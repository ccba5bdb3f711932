package org.luoshi.task.tracking.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * 考核: how timely each department reported, over a period, from what task-service records (docs/assessment.md).
 * <ul>
 * <li>A milestone counts in the period when its due date lies in it (both ends included); it is the department's that
 * leads its task.</li>
 * <li>It is judged as of the period's end, or today while the period is still running. Its report day is the day the
 * department submitted the lead report that was approved or still awaits a decision (a returned report is no report),
 * or for a milestone marked done without a report (台账) the day it was done.</li>
 * <li>ON_TIME: reported on or before the due date. LATE: reported after it, by the as-of day. MISSING: not reported by
 * the as-of day although due before it. NOT_DUE: due on the as-of day or later and not yet reported — not judged.</li>
 * <li>Days late: report day − due date for a late one, as-of day − due date for a missing one; the average is over
 * late and missing milestones together, one decimal, none when there are neither.</li>
 * <li>Returned reports count by the day they were decided; lights are today's. 催办, 督办 and adjustment requests are
 * workflow-service's record and are counted there.</li>
 * </ul>
 */
public final class DepartmentAssessmentPolicy {

    private DepartmentAssessmentPolicy() {
    }

    public enum Timeliness {
        ON_TIME, LATE, MISSING, NOT_DUE
    }

    /** A milestone of a task led by {@code department}; {@code reportedOn} null while it has no report. */
    public record MilestoneFact(String department, LocalDate dueDate, LocalDate reportedOn) {
    }

    /** A returned report, for the department that submitted it, on the day it was returned. */
    public record DatedFact(String department, LocalDate on) {
    }

    /** A task's light today, for its lead department. */
    public record LightFact(String department, StatusLight light) {
    }

    public record Period(LocalDate from, LocalDate to) {
        public Period {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("a period needs from ≤ to");
            }
        }

        public boolean contains(LocalDate day) {
            return day != null && !day.isBefore(from) && !day.isAfter(to);
        }

        /** The day milestones are judged on: the period's end, or today while the period runs. */
        public LocalDate asOf(LocalDate today) {
            return today.isBefore(to) ? today : to;
        }
    }

    /** One department's figures for the period. {@code averageDaysLate} is null without late or missing reports. */
    public record Figures(String department, int onTime, int late, int missing, int notDue, BigDecimal averageDaysLate,
            int returned, int red, int yellow, int green) {
    }

    public static Timeliness timeliness(LocalDate dueDate, LocalDate reportedOn, LocalDate asOf) {
        if (reportedOn != null && !reportedOn.isAfter(asOf)) {
            return reportedOn.isAfter(dueDate) ? Timeliness.LATE : Timeliness.ON_TIME;
        }
        return dueDate.isBefore(asOf) ? Timeliness.MISSING : Timeliness.NOT_DUE;
    }

    /** Days late of a late or missing milestone as of the day; 0 otherwise. */
    public static long daysLate(LocalDate dueDate, LocalDate reportedOn, LocalDate asOf) {
        return switch (timeliness(dueDate, reportedOn, asOf)) {
            case LATE -> ChronoUnit.DAYS.between(dueDate, reportedOn);
            case MISSING -> ChronoUnit.DAYS.between(dueDate, asOf);
            case ON_TIME, NOT_DUE -> 0;
        };
    }

    /** The figures of every department that appears in any of the facts, by department code. */
    public static Map<String, Figures> assess(Period period, LocalDate today, Collection<MilestoneFact> milestones,
            Collection<DatedFact> returnedReports, Collection<LightFact> lights) {
        LocalDate asOf = period.asOf(today);
        Map<String, Tally> tallies = new TreeMap<>();
        for (MilestoneFact m : milestones) {
            if (!period.contains(m.dueDate())) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(m.department(), d -> new Tally());
            switch (timeliness(m.dueDate(), m.reportedOn(), asOf)) {
                case ON_TIME -> t.onTime++;
                case LATE -> t.late++;
                case MISSING -> t.missing++;
                case NOT_DUE -> t.notDue++;
            }
            t.daysLate += daysLate(m.dueDate(), m.reportedOn(), asOf);
        }
        for (DatedFact r : returnedReports) {
            if (period.contains(r.on())) {
                tallies.computeIfAbsent(r.department(), d -> new Tally()).returned++;
            }
        }
        for (LightFact l : lights) {
            Tally t = tallies.computeIfAbsent(l.department(), d -> new Tally());
            switch (l.light()) {
                case RED -> t.red++;
                case YELLOW -> t.yellow++;
                case GREEN -> t.green++;
                case NONE -> {
                    // not yet scheduled: no light to count
                }
            }
        }
        Map<String, Figures> result = new TreeMap<>();
        tallies.forEach((department, t) -> result.put(department, t.figures(department)));
        return result;
    }

    private static final class Tally {
        int onTime;
        int late;
        int missing;
        int notDue;
        long daysLate;
        int returned;
        int red;
        int yellow;
        int green;

        Figures figures(String department) {
            int judgedLate = late + missing;
            BigDecimal average = judgedLate == 0 ? null
                    : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(judgedLate), 1, RoundingMode.HALF_UP);
            return new Figures(department, onTime, late, missing, notDue, average, returned, red, yellow, green);
        }
    }
}
