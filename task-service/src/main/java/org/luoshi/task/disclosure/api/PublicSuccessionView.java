package org.luoshi.task.disclosure.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A published plan's place among published plans: the plan it succeeds and the one succeeding it (each only when
 * published itself), and for every indicator continuing one of the predecessor's, the series across both plans as
 * published (one point per year, the latest published figure of that year).
 */
public record PublicSuccessionView(PublicPlanRef plan, PublicPlanRef predecessor, PublicPlanRef successor,
        List<IndicatorSeries> indicators) {

    public record PublicPlanRef(long planId, String title, int periodStart, int periodEnd) {
    }

    public record IndicatorSeries(String name, String unit, Integer baselineYear, BigDecimal baselineValue,
            String baselineRevision, List<Point> points) {
    }

    /** A yearly figure as one of the plans' snapshots published it; {@code revision} PRELIMINARY or REVISED. */
    public record Point(long planId, int year, BigDecimal value, String revision) {
    }
}
