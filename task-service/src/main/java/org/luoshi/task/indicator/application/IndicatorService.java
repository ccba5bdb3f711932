package org.luoshi.task.indicator.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.indicator.api.IndicatorUpdate;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.api.NewIndicatorValue;
import org.luoshi.task.indicator.domain.Direction;
import org.luoshi.task.indicator.domain.DirectionDefaults;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.Target;
import org.luoshi.task.indicator.persistence.IndicatorRepository;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.importing.domain.ParsedIndicator;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.DepartmentService;
import org.luoshi.task.shared.domain.Caller;

@ApplicationScoped
public class IndicatorService {
    private static final Logger LOG = Logger.getLogger(IndicatorService.class);

    @Inject
    IndicatorRepository indicators;

    @Inject
    PlanService plans;

    @Inject
    DepartmentService departments;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Transactional
    public List<IndicatorView> ofPlan(long planId) {
        plans.visiblePlan(planId, callers.current());
        int year = calendar.today().getYear();
        return indicators.ofPlan(planId).stream().map(i -> view(i, year)).toList();
    }

    @Transactional
    public IndicatorView get(long id) {
        return view(visible(id), calendar.today().getYear());
    }

    /** Within the import's transaction: the indicators the document's goals state. */
    public void createFromDocument(long planId, List<ParsedIndicator> parsed) {
        int ordinal = 0;
        for (ParsedIndicator p : parsed) {
            PlanIndicator indicator = new PlanIndicator();
            indicator.planId = planId;
            indicator.ordinal = ++ordinal;
            indicator.name = p.name();
            indicator.unit = p.unit();
            indicator.kind = p.kind();
            boolean usableBaseline = p.baselineYear() != null && p.baselineValue() != null && p.baselineYear() < p.targetYear();
            indicator.baselineYear = usableBaseline ? p.baselineYear() : null;
            indicator.baselineValue = usableBaseline ? p.baselineValue() : null;
            indicator.targetYear = p.targetYear();
            indicator.targetValue = p.targetValue();
            indicator.comparison = p.comparison();
            indicator.sourceText = p.sourceText();
            indicator.direction = DirectionDefaults.of(p.comparison(), p.name(), p.sourceText(), indicator.baselineValue,
                    p.targetValue());
            indicators.persist(indicator);
        }
    }

    @Transactional
    public IndicatorView update(long id, int expectedVersion, IndicatorUpdate update) {
        Caller caller = callers.current();
        PlanIndicator indicator = visible(id);
        if (indicator.version != expectedVersion) {
            throw new PreconditionFailedException("indicator " + id + " changed since version " + expectedVersion
                    + "; it is now version " + indicator.version);
        }
        if ((update.baselineYear() == null) != (update.baselineValue() == null)) {
            throw new InvalidFieldException(update.baselineYear() == null ? "baselineYear" : "baselineValue",
                    "a baseline needs both its year and its value");
        }
        if (update.baselineYear() != null && update.baselineYear() >= update.targetYear()) {
            throw new InvalidFieldException("baselineYear", "must be before the target year " + update.targetYear());
        }
        if (update.responsibleDepartmentCode() != null && !departments.exists(update.responsibleDepartmentCode())) {
            throw new InvalidFieldException("responsibleDepartmentCode",
                    "no department has the code '" + update.responsibleDepartmentCode() + "'");
        }
        Direction direction = update.direction() != null ? update.direction() : indicator.direction;
        Direction fixed = switch (update.comparison()) {
            case AT_LEAST, MORE_THAN -> Direction.UP;
            case AT_MOST -> Direction.DOWN;
            case ABOUT -> null;
        };
        if (fixed != null && update.direction() != null && update.direction() != fixed) {
            throw new InvalidFieldException("direction", "a " + update.comparison() + " target goes " + fixed
                    + "; only an ABOUT target can be read another way");
        }
        if (fixed != null) {
            direction = fixed;
        }
        IndicatorView before = view(indicator, calendar.today().getYear());
        indicator.name = update.name().strip();
        indicator.unit = update.unit();
        indicator.kind = update.kind();
        indicator.baselineYear = update.baselineYear();
        indicator.baselineValue = update.baselineValue();
        indicator.changeTarget(new Target(update.targetYear(), update.targetValue(), update.comparison()));
        indicator.responsibleDepartmentCode = update.responsibleDepartmentCode();
        indicator.direction = direction;
        indicators.flush();
        IndicatorView after = view(indicator, calendar.today().getYear());
        audit.record("indicator.changed", "indicator", id, definition(before), definition(after));
        LOG.infof("%s changed indicator %d '%s': target %s %s in %d, direction %s, responsible %s", caller.username(), id,
                indicator.name, indicator.comparison, indicator.targetValue, indicator.targetYear, indicator.direction,
                indicator.responsibleDepartmentCode);
        return view(indicator, calendar.today().getYear());
    }

    /**
     * Records a year's value. A value for the same year and revision replaces the earlier report (a correction);
     * a revised value stands beside the preliminary one, and the assessment prefers it.
     */
    @Transactional
    public IndicatorView report(long id, NewIndicatorValue report) {
        Caller caller = callers.current();
        PlanIndicator indicator = visible(id);
        if (!canReport(caller, indicator)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        IndicatorValue value = indicator.values.stream()
                .filter(v -> v.year == report.year() && v.revision == report.revision()).findFirst()
                .orElseGet(() -> {
                    IndicatorValue fresh = new IndicatorValue();
                    fresh.indicator = indicator;
                    fresh.year = report.year();
                    fresh.revision = report.revision();
                    indicator.values.add(fresh);
                    return fresh;
                });
        IndicatorView.Value before = value.id == null ? null : IndicatorView.Value.of(value);
        value.value = report.value();
        value.source = report.source().strip();
        value.reportedBy = caller.username();
        value.reportedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        indicator.version++;
        indicators.flush();
        audit.record("indicator.value-reported", "indicator", id, before, IndicatorView.Value.of(value));
        LOG.infof("%s reported %s %s for %d (%s) of indicator %d '%s'", caller.username(), report.value(), indicator.unit,
                report.year(), report.revision(), id, indicator.name);
        return view(indicator, calendar.today().getYear());
    }

    /** The supervising office, admins, and staff of the department responsible for the indicator. */
    private static boolean canReport(Caller caller, PlanIndicator indicator) {
        return org.luoshi.task.tracking.domain.AccessPolicy.canAssign(caller)
                || (caller.has(org.luoshi.common.security.Roles.STAFF) && indicator.responsibleDepartmentCode != null
                        && caller.departments().contains(indicator.responsibleDepartmentCode));
    }

    /** The audited part of an indicator: its definition, not the assessment computed from it. */
    private static IndicatorView definition(IndicatorView view) {
        return new IndicatorView(view.id(), view.planId(), view.ordinal(), view.name(), view.unit(), view.kind(),
                view.baselineYear(), view.baselineValue(), view.targetYear(), view.targetValue(), view.comparison(),
                view.direction(),
                view.originalTarget(), view.responsibleDepartmentCode(), view.sourceText(), List.of(), null, view.version());
    }

    private PlanIndicator visible(long id) {
        Caller caller = callers.current();
        PlanIndicator indicator = indicators.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("indicator", id));
        try {
            plans.visiblePlan(indicator.planId, caller);
        } catch (ResourceNotFoundException e) {
            throw new ResourceNotFoundException("indicator", id);
        }
        return indicator;
    }

    /** The indicator with its assessment as of the given year (an evaluation's snapshot uses it too). */
    public static IndicatorView view(PlanIndicator i, int currentYear) {
        return new IndicatorView(i.id, i.planId, i.ordinal, i.name, i.unit, i.kind, i.baselineYear, i.baselineValue,
                i.targetYear, i.targetValue, i.comparison, i.direction, IndicatorView.TargetView.of(i.originalTarget()),
                i.responsibleDepartmentCode, i.sourceText,
                i.values.stream().map(IndicatorView.Value::of).toList(), i.toRule().assess(currentYear), i.version);
    }
}
