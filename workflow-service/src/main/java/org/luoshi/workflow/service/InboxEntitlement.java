package org.luoshi.workflow.service;

import java.util.ArrayList;
import java.util.List;

import org.luoshi.common.security.CurrentUser;

/** The caller as the inbox sees them: their user name and their groups (department codes, {@code role:<role>}). */
final class InboxEntitlement {
    static final String ROLE_GROUP_PREFIX = "role:";

    private InboxEntitlement() {
    }

    static InboxQueries.Caller of(CurrentUser user) {
        List<String> groups = new ArrayList<>(user.departments());
        user.roles().stream().sorted().map(role -> ROLE_GROUP_PREFIX + role).forEach(groups::add);
        return new InboxQueries.Caller(user.username(), List.copyOf(groups));
    }
}
