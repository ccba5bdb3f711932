package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The indicator rules (指标监测规则): whether a value meets a target, how far an indicator has come, the pace it
 * needs, where its trend leads, and the warning when the target is unlikely to be met. Pure functions on
 * {@link BigDecimal}, computed in {@link MathContext#DECIMAL64} and rounded {@link RoundingMode#HALF_UP} (四舍五入)
 * to {@value #SCALE} decimals, so the same figures always give the same verdict. docs/indicator-method.md explains
 * the method in plain words.
 *
 * <h2>Which values count</h2>
 * One value per year: the revised (修订) one where a year has both, else the preliminary (初步) one. Values for years
 * up to and including the baseline year, after {@code currentYear} (not yet observable) or after the target year are
 * left out. Two values of the same year and the same revision are refused as ambiguous.
 *
 * <h2>Outlook</h2>
 * <ol>
 * <li>NO_DATA without a value.</li>
 * <li>When the target year's value is in: MET if it meets the target, else MISSED. A value that meets the target
 * earlier is not yet MET: the plan's targets are for the target year (当年), so the value must hold until then.</li>
 * <li>Before: ON_TRACK if the projection to the target year meets the target.</li>
 * <li>UNLIKELY (难以实现预警) if the latest value misses the target, the projection misses it by more than the
 * tolerance, and the pace now needed exceeds {@link AssessmentSettings#reachFactor()} (1.5) times the best annual
 * change so far in the needed direction (a best change of zero or less puts any needed pace out of reach).</li>
 * <li>AT_RISK otherwise (the projection misses, but by no more than the tolerance, or at a pace within reach, or the
 * latest value meets the target but the trend would take it away).</li>
 * </ol>
 * With a single point (no baseline, one value) there is no trend: ON_TRACK if that value meets the target, else
 * AT_RISK.
 */
public final class IndicatorPolicy {

    /** The precision of every intermediate result. */
    public static final MathContext MATH = MathContext.DECIMAL64;

    /** Decimals of every reported number. */
    public static final int SCALE = 4;

    /** 四舍五入. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final int MAX_ROOT_ITERATIONS = 1_000;

    private IndicatorPolicy() {
    }

    // ---------------------------------------------------------------- direction, tolerance, meeting the target

    /**
     * AT_MOST: DOWN (down or stay below). AT_LEAST, MORE_THAN: UP (up or stay above). ABOUT: from the baseline to the
     * target — UP if the target is above the baseline, DOWN if below, HOLD if equal; without a baseline the start is
     * taken as zero.
     */
    public static Direction direction(Baseline baselineOrNull, Target target) {
        Objects.requireNonNull(target, "target");
        return switch (target.comparison()) {
            case AT_MOST -> Direction.DOWN;
            case AT_LEAST, MORE_THAN -> Direction.UP;
            case ABOUT -> {
                BigDecimal start = baselineOrNull == null ? BigDecimal.ZERO : baselineOrNull.value();
                int sign = target.value().compareTo(start);
                yield sign > 0 ? Direction.UP : sign < 0 ? Direction.DOWN : Direction.HOLD;
            }
        };
    }

    /**
     * The direction an indicator declares (正向 UP, 逆向 DOWN, 保持 HOLD), else the one {@link #direction(Baseline,
     * Target)} derives. Only an ABOUT target can be read more than one way: AT_LEAST and MORE_THAN are always UP,
     * AT_MOST always DOWN, whatever is declared.
     */
    public static Direction direction(Direction declaredOrNull, Baseline baselineOrNull, Target target) {
        Direction derived = direction(baselineOrNull, target);
        return declaredOrNull != null && target.comparison() == TargetComparison.ABOUT ? declaredOrNull : derived;
    }

    /** The tolerance in the indicator's unit: the tolerance fraction times |target|, unrounded. */
    public static BigDecimal tolerance(Target target, AssessmentSettings settings) {
        return target.value().abs().multiply(settings.aboutTolerance(), MATH);
    }

    /** {@link #meetsTarget(Baseline, Target, BigDecimal, AssessmentSettings)} with the default settings. */
    public static boolean meetsTarget(Baseline baselineOrNull, Target target, BigDecimal value) {
        return meetsTarget(baselineOrNull, target, value, AssessmentSettings.DEFAULTS);
    }

    /**
     * Whether {@code value} meets the target. AT_LEAST: value ≥ target. MORE_THAN: value &gt; target. AT_MOST: value ≤
     * target. ABOUT, with t the tolerance ({@link #tolerance}): going UP, value ≥ target − t (the band is on the
     * baseline's side; overshooting in the intended direction also counts); going DOWN, value ≤ target + t; HOLD,
     * |value − target| ≤ t. Band edges count as met.
     */
    public static boolean meetsTarget(Baseline baselineOrNull, Target target, BigDecimal value,
            AssessmentSettings settings) {
        return meetsTarget(direction(baselineOrNull, target), target, value, settings);
    }

    /**
     * Whether {@code value} meets the target, the direction given (declared for the indicator, or derived by
     * {@link #direction}); it matters for an ABOUT target only, the other comparisons fix their own.
     */
    public static boolean meetsTarget(Direction direction, Target target, BigDecimal value, AssessmentSettings settings) {
        Objects.requireNonNull(value, "value");
        BigDecimal goal = target.value();
        return switch (target.comparison()) {
            case AT_LEAST -> value.compareTo(goal) >= 0;
            case MORE_THAN -> value.compareTo(goal) > 0;
            case AT_MOST -> value.compareTo(goal) <= 0;
            case ABOUT -> {
                BigDecimal band = tolerance(target, settings);
                yield switch (direction) {
                    case UP -> value.compareTo(goal.subtract(band)) >= 0;
                    case DOWN -> value.compareTo(goal.add(band)) <= 0;
                    case HOLD -> value.subtract(goal).abs().compareTo(band) <= 0;
                };
            }
        };
    }

    /**
     * How far {@code value} lies on the wrong side of the target value, in the indicator's unit: going UP, target −
     * value; DOWN, value − target; HOLD, |value − target|. Negative when the value is beyond the target.
     */
    public static BigDecimal shortfall(Direction direction, Target target, BigDecimal value) {
        return switch (direction) {
            case UP -> target.value().subtract(value);
            case DOWN -> value.subtract(target.value());
            case HOLD -> value.subtract(target.value()).abs();
        };
    }

    // ---------------------------------------------------------------- the values

    /**
     * One value per year, ordered by year: the revised value where a year has both. Refuses two values of the same
     * year and revision.
     */
    public static NavigableMap<Integer, YearValue> valuesByYear(List<YearValue> values) {
        NavigableMap<Integer, YearValue> byYear = new TreeMap<>();
        Map<Integer, List<ValueRevision>> seen = new TreeMap<>();
        for (YearValue value : values) {
            Objects.requireNonNull(value, "value");
            List<ValueRevision> revisions = seen.computeIfAbsent(value.year(), y -> new ArrayList<>());
            if (revisions.contains(value.revision())) {
                throw new IllegalArgumentException(
                        "two " + value.revision() + " values for " + value.year() + ": which one is right?");
            }
            revisions.add(value.revision());
            YearValue kept = byYear.get(value.year());
            if (kept == null || value.revision() == ValueRevision.REVISED) {
                byYear.put(value.year(), value);
            }
        }
        return byYear;
    }

    // ---------------------------------------------------------------- progress, pace

    /**
     * (latest − baseline) / (target − baseline). Without a baseline, for an indicator going UP, measured from zero:
     * latest / target; otherwise null. Null too when there is no distance to cover (target equal to the start, or —
     * for AT_LEAST, MORE_THAN, AT_MOST — the baseline already beyond the target).
     */
    public static BigDecimal progressToTarget(Baseline baselineOrNull, Target target, BigDecimal latest) {
        return progressToTarget(direction(baselineOrNull, target), baselineOrNull, target, latest);
    }

    /** {@link #progressToTarget(Baseline, Target, BigDecimal)} in the direction given. */
    public static BigDecimal progressToTarget(Direction direction, Baseline baselineOrNull, Target target,
            BigDecimal latest) {
        BigDecimal start;
        if (baselineOrNull != null) {
            start = baselineOrNull.value();
        } else if (direction == Direction.UP) {
            start = BigDecimal.ZERO;
        } else {
            return null;
        }
        BigDecimal distance = target.value().subtract(start);
        boolean nothingToCover = switch (direction) {
            case UP -> distance.signum() <= 0;
            case DOWN -> distance.signum() >= 0;
            case HOLD -> true;
        };
        if (nothingToCover) {
            return null;
        }
        return round(latest.subtract(start).divide(distance, MATH));
    }

    /** (to − from) / years, rounded; null unless years ≥ 1. */
    public static BigDecimal pacePerYear(BigDecimal from, BigDecimal to, int years) {
        if (years < 1) {
            return null;
        }
        return round(to.subtract(from).divide(BigDecimal.valueOf(years), MATH));
    }

    /** The compound annual growth rate (to / from)^(1 / years) − 1, as a fraction, rounded; null unless both are positive and years ≥ 1. */
    public static BigDecimal annualGrowthRate(BigDecimal from, BigDecimal to, int years) {
        BigDecimal rate = growthRate(from, to, years);
        return rate == null ? null : round(rate);
    }

    private static BigDecimal growthRate(BigDecimal from, BigDecimal to, int years) {
        if (years < 1 || from.signum() <= 0 || to.signum() <= 0) {
            return null;
        }
        return nthRoot(to.divide(from, MATH), years).subtract(BigDecimal.ONE, MATH);
    }

    /**
     * The positive n-th root of a positive number, by Newton's method in {@link #MATH}: starts at 1 + (x − 1) / n,
     * which lies above the root (Bernoulli's inequality), and stops when an iteration no longer decreases.
     */
    public static BigDecimal nthRoot(BigDecimal x, int n) {
        if (x.signum() <= 0) {
            throw new IllegalArgumentException("root of a non-positive number: " + x);
        }
        if (n < 1) {
            throw new IllegalArgumentException("root index must be at least 1: " + n);
        }
        if (n == 1) {
            return x.round(MATH);
        }
        BigDecimal degree = BigDecimal.valueOf(n);
        BigDecimal guess = BigDecimal.ONE.add(x.subtract(BigDecimal.ONE).divide(degree, MATH), MATH);
        BigDecimal root = newtonStep(x, n, degree, guess);
        for (int i = 0; i < MAX_ROOT_ITERATIONS; i++) {
            BigDecimal next = newtonStep(x, n, degree, root);
            if (next.compareTo(root) >= 0) {
                break;
            }
            root = next;
        }
        return root;
    }

    private static BigDecimal newtonStep(BigDecimal x, int n, BigDecimal degree, BigDecimal y) {
        BigDecimal power = y.pow(n - 1, MATH);
        return y.multiply(BigDecimal.valueOf(n - 1L), MATH).add(x.divide(power, MATH), MATH).divide(degree, MATH);
    }

    // ---------------------------------------------------------------- projections

    /**
     * The least-squares straight line through the points (year → value), evaluated at {@code year}: slope =
     * Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², value = ȳ + slope × (year − x̄). With two points it is the straight line through
     * them. Null with fewer than two points.
     */
    public static Projection linearProjection(NavigableMap<Integer, BigDecimal> points, int year) {
        if (points.size() < 2) {
            return null;
        }
        BigDecimal count = BigDecimal.valueOf(points.size());
        BigDecimal sumX = BigDecimal.ZERO;
        BigDecimal sumY = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> point : points.entrySet()) {
            sumX = sumX.add(BigDecimal.valueOf(point.getKey()));
            sumY = sumY.add(point.getValue());
        }
        BigDecimal meanX = sumX.divide(count, MATH);
        BigDecimal meanY = sumY.divide(count, MATH);
        BigDecimal sxy = BigDecimal.ZERO;
        BigDecimal sxx = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> point : points.entrySet()) {
            BigDecimal dx = BigDecimal.valueOf(point.getKey()).subtract(meanX, MATH);
            sxy = sxy.add(dx.multiply(point.getValue().subtract(meanY, MATH), MATH), MATH);
            sxx = sxx.add(dx.multiply(dx, MATH), MATH);
        }
        BigDecimal slope = sxy.divide(sxx, MATH);
        BigDecimal value = meanY.add(slope.multiply(BigDecimal.valueOf(year).subtract(meanX, MATH), MATH), MATH);
        return new Projection(ProjectionMethod.LINEAR, year, round(value), round(slope));
    }

    /**
     * The compound annual growth rate from the first point to the last, carried forward from the last point:
     * rate = (last / first)^(1 / years between) − 1, value = last × (1 + rate)^(year − last year). Null with fewer than
     * two points or when the first or last value is not positive.
     */
    public static Projection compoundProjection(NavigableMap<Integer, BigDecimal> points, int year) {
        if (points.size() < 2) {
            return null;
        }
        Map.Entry<Integer, BigDecimal> first = points.firstEntry();
        Map.Entry<Integer, BigDecimal> last = points.lastEntry();
        BigDecimal rate = growthRate(first.getValue(), last.getValue(), last.getKey() - first.getKey());
        if (rate == null) {
            return null;
        }
        BigDecimal factor = BigDecimal.ONE.add(rate, MATH).pow(year - last.getKey(), MATH);
        return new Projection(ProjectionMethod.COMPOUND, year, round(last.getValue().multiply(factor, MATH)),
                round(rate));
    }

    /**
     * The largest change per year between consecutive points (a gap of several years is averaged over them) in the
     * direction {@code sign} (+1 up, −1 down), signed; null with fewer than two points or a zero sign.
     */
    public static BigDecimal bestAnnualChange(NavigableMap<Integer, BigDecimal> points, int sign) {
        if (points.size() < 2 || sign == 0) {
            return null;
        }
        BigDecimal best = null;
        Map.Entry<Integer, BigDecimal> previous = null;
        for (Map.Entry<Integer, BigDecimal> point : points.entrySet()) {
            if (previous != null) {
                BigDecimal change = point.getValue().subtract(previous.getValue())
                        .divide(BigDecimal.valueOf(point.getKey() - previous.getKey()), MATH);
                if (best == null || change.multiply(BigDecimal.valueOf(sign)).compareTo(
                        best.multiply(BigDecimal.valueOf(sign))) > 0) {
                    best = change;
                }
            }
            previous = point;
        }
        return round(best);
    }

    // ---------------------------------------------------------------- the assessment

    /** {@link #assess(Baseline, Target, List, int, AssessmentSettings)} with the default settings. */
    public static IndicatorAssessment assess(Baseline baselineOrNull, Target target, List<YearValue> values,
            int currentYear) {
        return assess(baselineOrNull, target, values, currentYear, AssessmentSettings.DEFAULTS);
    }

    /** Where the indicator stands in {@code currentYear}, the direction derived from baseline and target. */
    public static IndicatorAssessment assess(Baseline baselineOrNull, Target target, List<YearValue> values,
            int currentYear, AssessmentSettings settings) {
        return assess(null, baselineOrNull, target, values, currentYear, settings);
    }

    /**
     * Where the indicator stands in {@code currentYear}; see the class comment for the rules. {@code declaredOrNull}
     * is the direction the indicator declares (see {@link #direction(Direction, Baseline, Target)}). In a declared
     * direction, a baseline or latest value already beyond the target asks for no movement: the planned and the
     * needed pace are then zero, not a pace back towards the target value.
     */
    public static IndicatorAssessment assess(Direction declaredOrNull, Baseline baselineOrNull, Target target,
            List<YearValue> values, int currentYear, AssessmentSettings settings) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(settings, "settings");
        if (baselineOrNull != null && baselineOrNull.year() >= target.year()) {
            throw new IllegalArgumentException(
                    "baseline year " + baselineOrNull.year() + " must be before target year " + target.year());
        }
        Direction direction = direction(declaredOrNull, baselineOrNull, target);
        boolean declared = declaredOrNull != null;
        BigDecimal tolerance = tolerance(target, settings);
        BigDecimal plannedPerYear = null;
        BigDecimal plannedGrowth = null;
        if (baselineOrNull != null) {
            int years = target.year() - baselineOrNull.year();
            plannedPerYear = towards(declared, direction, pacePerYear(baselineOrNull.value(), target.value(), years));
            plannedGrowth = towards(declared, direction, annualGrowthRate(baselineOrNull.value(), target.value(), years));
        }

        int lastObservable = Math.min(currentYear, target.year());
        NavigableMap<Integer, YearValue> counted = new TreeMap<>();
        valuesByYear(values).forEach((year, value) -> {
            boolean afterBaseline = baselineOrNull == null || year > baselineOrNull.year();
            if (afterBaseline && year <= lastObservable) {
                counted.put(year, value);
            }
        });
        if (counted.isEmpty()) {
            return new IndicatorAssessment(direction, round(tolerance), null, null, null, null, null,
                    new RequiredPace(plannedPerYear, null, plannedGrowth, null, null), null, null, null, null,
                    IndicatorOutlook.NO_DATA);
        }

        NavigableMap<Integer, BigDecimal> points = new TreeMap<>();
        if (baselineOrNull != null) {
            points.put(baselineOrNull.year(), baselineOrNull.value());
        }
        counted.forEach((year, value) -> points.put(year, value.value()));

        YearValue latest = counted.lastEntry().getValue();
        int yearsLeft = target.year() - latest.year();
        boolean latestMeets = meetsTarget(direction, target, latest.value(), settings);
        RequiredPace pace = new RequiredPace(plannedPerYear,
                towards(declared, direction, pacePerYear(latest.value(), target.value(), yearsLeft)), plannedGrowth,
                towards(declared, direction, annualGrowthRate(latest.value(), target.value(), yearsLeft)), yearsLeft);

        Projection linear = linearProjection(points, target.year());
        Projection compound = compoundProjection(points, target.year());
        Projection used = settings.projectionMethod() == ProjectionMethod.COMPOUND && compound != null ? compound
                : linear;

        int towardTarget = switch (direction) {
            case UP -> 1;
            case DOWN -> -1;
            case HOLD -> target.value().compareTo(latest.value());
        };
        BigDecimal best = bestAnnualChange(points, towardTarget);

        IndicatorOutlook outlook;
        if (yearsLeft == 0) {
            outlook = latestMeets ? IndicatorOutlook.MET : IndicatorOutlook.MISSED;
        } else if (used == null) {
            outlook = latestMeets ? IndicatorOutlook.ON_TRACK : IndicatorOutlook.AT_RISK;
        } else if (meetsTarget(direction, target, used.value(), settings)) {
            outlook = IndicatorOutlook.ON_TRACK;
        } else if (!latestMeets
                && shortfall(direction, target, used.value()).compareTo(tolerance) > 0
                && beyondReach(pace.neededPerYear(), best, settings.reachFactor())) {
            outlook = IndicatorOutlook.UNLIKELY;
        } else {
            outlook = IndicatorOutlook.AT_RISK;
        }

        return new IndicatorAssessment(direction, round(tolerance), latest.year(), latest.value(), latest.revision(),
                latestMeets, progressToTarget(direction, baselineOrNull, target, latest.value()), pace, linear, compound, used,
                best, outlook);
    }

    /**
     * Whether the pace now needed is out of reach: |needed| &gt; factor × max(0, best change in the needed direction).
     * A zero needed pace is always within reach; a best change of zero or less puts any other pace out of reach.
     */
    public static boolean beyondReach(BigDecimal neededPerYear, BigDecimal bestAnnualChange, BigDecimal factor) {
        if (neededPerYear == null || neededPerYear.signum() == 0) {
            return false;
        }
        BigDecimal bestTowardNeed = bestAnnualChange == null ? BigDecimal.ZERO
                : bestAnnualChange.multiply(BigDecimal.valueOf(neededPerYear.signum())).max(BigDecimal.ZERO);
        return neededPerYear.abs().compareTo(bestTowardNeed.multiply(factor, MATH)) > 0;
    }

    /**
     * A pace in a declared direction: going UP, a pace downwards (the value is already above the target) is zero;
     * going DOWN, a pace upwards is zero. HOLD and derived directions keep the pace as computed.
     */
    private static BigDecimal towards(boolean declared, Direction direction, BigDecimal pace) {
        if (!declared || pace == null) {
            return pace;
        }
        return switch (direction) {
            case UP -> pace.signum() < 0 ? BigDecimal.ZERO.setScale(SCALE) : pace;
            case DOWN -> pace.signum() > 0 ? BigDecimal.ZERO.setScale(SCALE) : pace;
            case HOLD -> pace;
        };
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, ROUNDING);
    }
}
