package org.luoshi.task.plan.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.plan.api.NewPlan;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanAccessPolicy;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;

@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);

    @Inject
    PlanRepository plans;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    public List<PlanView> list() {
        Caller caller = callers.current();
        boolean drafts = PlanAccessPolicy.canSeeDraftPlans(caller);
        return plans.listNewestFirst(drafts).stream().map(PlanView::of).toList();
    }

    public PlanView get(long id) {
        return PlanView.of(visiblePlan(id, callers.current()));
    }

    @Transactional
    public PlanView create(NewPlan request) {
        if (request.periodEnd() < request.periodStart()) {
            throw new InvalidFieldException("periodEnd", "must not be before periodStart", ViolationCodes.NOT_BEFORE,
                    java.util.Map.of("other", "periodStart", "value", request.periodStart()));
        }
        Caller caller = callers.current();
        Plan plan = new Plan();
        plan.title = request.title().strip();
        plan.issuingBodies = new java.util.ArrayList<>(request.issuingBodies().stream().map(String::strip).toList());
        plan.periodStart = request.periodStart();
        plan.periodEnd = request.periodEnd();
        plan.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        plan.createdBy = caller.username();
        plans.persistAndFlush(plan);
        audit.record("plan.created", "plan", plan.id, null, PlanView.of(plan));
        LOG.infof("%s created plan %d '%s' (%d-%d)", caller.username(), plan.id, plan.title, plan.periodStart, plan.periodEnd);
        return PlanView.of(plan);
    }

    @Transactional
    public PlanView changeStatus(long id, PlanStatus next) {
        Caller caller = callers.current();
        Plan plan = visiblePlan(id, caller);
        PlanView before = PlanView.of(plan);
        plan.moveTo(next);
        plans.flush();
        audit.record("plan.status-changed", "plan", id, before, PlanView.of(plan));
        LOG.infof("%s moved plan %d from %s to %s", caller.username(), id, before.status(), next);
        return PlanView.of(plan);
    }

    /** Confirms a draft (imported or created): it comes into force, and its tasks can be worked on. */
    @Transactional
    public PlanView confirm(long id, int expectedVersion) {
        Caller caller = callers.current();
        Plan plan = visiblePlan(id, caller);
        if (plan.version != expectedVersion) {
            throw new org.luoshi.common.problem.PreconditionFailedException("plan " + id + " changed since version "
                    + expectedVersion + "; it is now version " + plan.version);
        }
        PlanView before = PlanView.of(plan);
        plan.confirm(caller.username(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        plans.flush();
        audit.record("plan.confirmed", "plan", id, before, PlanView.of(plan));
        LOG.infof("%s confirmed plan %d '%s': in force", caller.username(), id, plan.title);
        return PlanView.of(plan);
    }

    /**
     * Links a plan to the plan it succeeds (the aggregate's rules: {@link Plan#succeed}). A predecessor the caller
     * cannot see is 400 naming {@code predecessorId}, as one that does not exist.
     */
    @Transactional
    public PlanView linkPredecessor(long id, int expectedVersion, long predecessorId) {
        Caller caller = callers.current();
        Plan plan = visiblePlan(id, caller);
        if (plan.version != expectedVersion) {
            throw new org.luoshi.common.problem.PreconditionFailedException("plan " + id + " changed since version "
                    + expectedVersion + "; it is now version " + plan.version);
        }
        link(plan, predecessorId, caller);
        return PlanView.of(plan);
    }

    /** The same link, for a plan being imported in the caller's transaction (import with {@code predecessorId}). */
    public void link(Plan plan, long predecessorId, Caller caller) {
        Plan predecessor = plans.findByIdOptional(predecessorId).filter(p -> PlanAccessPolicy.canSee(caller, p))
                .orElseThrow(() -> new InvalidFieldException("predecessorId", "there is no plan " + predecessorId,
                        ViolationCodes.INVALID));
        Long successor = plans.find("predecessorId", predecessorId).firstResultOptional().map(p -> p.id).orElse(null);
        PlanView before = PlanView.of(plan);
        if (plan.succeed(predecessor, successor)) {
            plans.flush();
            audit.record("plan.predecessor-linked", "plan", plan.id, before, PlanView.of(plan));
            LOG.infof("%s linked plan %d as the successor of plan %d", caller.username(), plan.id, predecessorId);
        }
    }

    /** The plan that succeeds this one, if the caller may see it. */
    public java.util.Optional<Plan> successorOf(long id, Caller caller) {
        return plans.find("predecessorId", id).firstResultOptional().filter(p -> PlanAccessPolicy.canSee(caller, p));
    }

    public Plan visiblePlan(long id, Caller caller) {
        return plans.findByIdOptional(id).filter(p -> PlanAccessPolicy.canSee(caller, p))
                .orElseThrow(() -> new ResourceNotFoundException("plan", id));
    }
}
