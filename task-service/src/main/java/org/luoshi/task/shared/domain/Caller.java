package org.luoshi.task.shared.domain;

import static org.luoshi.common.security.Roles.*;

import java.util.List;
import java.util.Set;

/** Who asks, as far as the business rules care: name, roles, departments and (for evaluators) organisation. */
public record Caller(String username, Set<String> roles, List<String> departments, String organisation) {
    public Caller(String username, Set<String> roles, List<String> departments) {
        this(username, roles, departments, null);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Supervisors, evaluators, admins and the workflow engine see every department's work. */
    public boolean seesAllDepartments() {
        return has(SUPERVISOR) || has(EVALUATOR) || has(ADMIN) || has(SERVICE);
    }
}
