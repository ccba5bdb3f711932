package org.luoshi.task.audit.domain;

/**
 * Which audit entries a reader sees: an entry is visible exactly when the entity it describes is visible to them,
 * by the rule of that kind of entity (plan's rule for plans and what hangs off them, evaluation's rule for
 * evaluations; {@code audit.application.AuditReadRules} asks them). The log does not have rules of its own: whoever
 * may not open a draft plan or another organisation's evaluation may not read their history either.
 *
 * @param draftPlans      whether entries of draft plans and of their tasks, milestones, reports, evidence and
 *                        indicators are visible
 * @param everyEvaluation whether every evaluation's entries are visible, else only those of {@code organisation}
 * @param organisation    the reader's evaluation organisation (null: none)
 */
public record AuditVisibility(boolean draftPlans, boolean everyEvaluation, String organisation) {

    /** For the system's own reads (tests, jobs), which are not a caller's. */
    public static final AuditVisibility EVERYTHING = new AuditVisibility(true, true, null);

    /** Everything: for those who see every plan and every evaluation. */
    public boolean unrestricted() {
        return draftPlans && everyEvaluation;
    }
}
