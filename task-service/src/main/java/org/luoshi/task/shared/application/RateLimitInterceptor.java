package org.luoshi.task.shared.application;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.luoshi.common.security.CurrentUser;

/** Applies {@link RateLimiter} before a {@link RateLimited} method runs, ahead of validation and transactions. */
@RateLimited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RateLimitInterceptor {
    @Inject
    RateLimiter limiter;

    @Inject
    CurrentUser user;

    @AroundInvoke
    Object limit(InvocationContext invocation) throws Exception {
        RateLimited limited = invocation.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = invocation.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        limiter.acquire(user.username(), limited.value());
        return invocation.proceed();
    }
}
