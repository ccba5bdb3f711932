package org.luoshi.task.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.audit.application.AuditReadRules;
import org.luoshi.task.audit.domain.AuditVisibility;
import org.luoshi.task.evaluation.domain.EvaluationAccessPolicy;
import org.luoshi.task.plan.domain.PlanAccessPolicy;
import org.luoshi.task.shared.domain.Caller;

/**
 * The audit log's reading rules from their owners: draft plans (and what hangs off them) by {@link PlanAccessPolicy},
 * evaluations by {@link EvaluationAccessPolicy}. Here because evaluation is the context that may read both rules.
 */
@ApplicationScoped
public class EvaluationAuditReadRules implements AuditReadRules {
    @Override
    public AuditVisibility visibilityOf(Caller caller) {
        return new AuditVisibility(PlanAccessPolicy.canSeeDraftPlans(caller), EvaluationAccessPolicy.seesAll(caller),
                caller.organisation());
    }
}
