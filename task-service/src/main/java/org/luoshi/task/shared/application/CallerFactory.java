package org.luoshi.task.shared.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.task.shared.domain.Caller;

/** Turns the validated token into the domain's view of the caller. */
@ApplicationScoped
public class CallerFactory {
    @Inject
    CurrentUser user;

    public Caller current() {
        return new Caller(user.username(), user.roles(), user.departments(), user.organisation().orElse(null));
    }
}
