package org.luoshi.task.evaluation.application;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.audit.domain.AuditReaders;
import org.luoshi.task.audit.domain.AuditVisibility;
import org.luoshi.task.evaluation.domain.EvaluationAccessPolicy;
import org.luoshi.task.plan.domain.PlanAccessPolicy;
import org.luoshi.task.shared.domain.Caller;

/** The audit log's readers by the rules of the plans and the evaluations: the evaluation context knows both. */
@ApplicationScoped
public class EntityRulesAuditReaders implements AuditReaders {

    @Override
    public AuditVisibility visibilityOf(Caller caller) {
        return new AuditVisibility(PlanAccessPolicy.canSeeDraftPlans(caller), EvaluationAccessPolicy.seesAll(caller),
                caller.organisation());
    }
}
