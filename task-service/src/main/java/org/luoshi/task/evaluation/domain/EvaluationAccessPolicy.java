package org.luoshi.task.evaluation.domain;

import static org.luoshi.common.security.Roles.ADMIN;
import static org.luoshi.common.security.Roles.EVALUATOR;
import static org.luoshi.common.security.Roles.SERVICE;
import static org.luoshi.common.security.Roles.STAFF;
import static org.luoshi.common.security.Roles.SUPERVISOR;

import java.util.Collection;

import org.luoshi.task.shared.domain.Caller;

/**
 * Who sees what of an evaluation (docs/evaluation-and-disclosure.md). The supervising office, admins and the workflow
 * engine see every evaluation; an evaluator only those of their own organisation; staff those their department is in
 * the scope of, and of the self-assessments only their department's. Whoever may not see an evaluation is told it
 * does not exist.
 */
public final class EvaluationAccessPolicy {
    private EvaluationAccessPolicy() {
    }

    public static boolean seesAll(Caller caller) {
        return caller.has(SUPERVISOR) || caller.has(ADMIN) || caller.has(SERVICE);
    }

    /** An evaluator of the organisation doing the evaluation: the one who scores it and writes its report. */
    public static boolean isItsEvaluator(Caller caller, Evaluation evaluation) {
        return caller.has(EVALUATOR) && caller.organisation() != null
                && caller.organisation().equals(evaluation.organisationCode);
    }

    public static boolean canSee(Caller caller, Evaluation evaluation, Collection<String> departmentsInScope) {
        return seesAll(caller) || isItsEvaluator(caller, evaluation)
                || (caller.has(STAFF) && caller.departments().stream().anyMatch(departmentsInScope::contains));
    }

    /** The frozen snapshot and the report files: the supervising office, admins, the engine and its evaluators. */
    public static boolean canSeeEvidenceBase(Caller caller, Evaluation evaluation) {
        return seesAll(caller) || isItsEvaluator(caller, evaluation);
    }

    public static boolean canSeeSelfAssessment(Caller caller, Evaluation evaluation, String departmentCode) {
        return canSeeEvidenceBase(caller, evaluation) || (caller.has(STAFF) && caller.departments().contains(departmentCode));
    }
}
