package org.luoshi.workflow.inbox.application;

import java.util.ArrayList;
import java.util.List;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;

/**
 * The caller as the inbox sees them: their user name and their groups (department codes, {@code role:<role>}, and an
 * evaluator's {@code org:<organisation>}).
 */
public final class InboxEntitlement {
    static final String ROLE_GROUP_PREFIX = "role:";

    private InboxEntitlement() {
    }

    public static InboxQueries.Caller of(CurrentUser user) {
        List<String> groups = new ArrayList<>(user.departments());
        user.roles().stream().sorted().map(role -> ROLE_GROUP_PREFIX + role).forEach(groups::add);
        // an evaluator works for one organisation: its items (规划实施评估's report) are offered to org:<code>
        if (user.hasRole(Roles.EVALUATOR)) {
            user.organisation().ifPresent(code -> groups.add(EvaluationProcess.ORGANISATION_GROUP_PREFIX + code));
        }
        return new InboxQueries.Caller(user.username(), List.copyOf(groups));
    }
}
