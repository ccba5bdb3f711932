package org.luoshi.task.disclosure.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published plan's place among published plans: the plan it succeeds and the one succeeding it (each only when
 * published itself), and for every indicator continuing one of the predecessor's, the series across both plans as
 * published (one point per year, the latest published figure of that year); and the predecessor's final evaluation
 * (末期评估) once published, with its published report files.
 */
public record PublicSuccessionView(PublicPlanRef plan, PublicPlanRef predecessor, PublicPlanRef successor,
        List<IndicatorSeries> indicators, PublicFinalEvaluation predecessorFinalEvaluation) {

    public record PublicPlanRef(long planId, String title, int periodStart, int periodEnd) {
    }

    /** {@code baselineSource}: where the baseline figure was published (e.g. a statistics bulletin). */
    public record IndicatorSeries(String name, String unit, Integer baselineYear, BigDecimal baselineValue,
            String baselineRevision, String baselineSource, List<Point> points) {
    }

    /**
     * The old plan's published final evaluation as its publication disclosed it: the findings and recommendations of
     * the published report, and the report files (downloadable at each document's {@code href}).
     */
    public record PublicFinalEvaluation(long evaluationId, String title, String findings, String recommendations,
            Instant publishedAt, List<DisclosureContent.DocumentRef> documents) {
    }

    /** A yearly figure as one of the plans' snapshots published it; {@code revision} PRELIMINARY or REVISED. */
    public record Point(long planId, int year, BigDecimal value, String revision) {
    }
}
