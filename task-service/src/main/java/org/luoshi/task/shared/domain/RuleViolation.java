package org.luoshi.task.shared.domain;

import org.luoshi.common.problem.ConflictException;

/**
 * An aggregate refused a transition that breaks one of its rules (a plan that is no longer a draft confirmed again, a
 * task accepted twice, an evaluation published before approval). {@code code} names the rule ({@code plan.not-draft})
 * and is stable: the 409 problem+json of every conflict (service-common's mapper of {@link ConflictException}) carries
 * it as {@code code}, so that a client can tell one refusal from another without parsing the English detail.
 */
public class RuleViolation extends ConflictException {

    public RuleViolation(String code, String message) {
        super(code, message);
    }
}
