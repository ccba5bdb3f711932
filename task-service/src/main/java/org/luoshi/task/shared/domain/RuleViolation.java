package org.luoshi.task.shared.domain;

import org.luoshi.common.problem.ConflictException;

/**
 * An aggregate refused a transition that breaks one of its rules (a plan that is no longer a draft confirmed again, a
 * task accepted twice, an evaluation published before approval). {@code code} names the rule and is stable, for logs
 * and tests; the answer is the 409 problem+json of every conflict (service-common's mapper of
 * {@link ConflictException}), so the API answers as it did before the rules moved into the domain.
 */
public class RuleViolation extends ConflictException {
    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
