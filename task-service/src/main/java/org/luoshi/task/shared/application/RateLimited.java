package org.luoshi.task.shared.application;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * An operation costly enough that one user may call it only so often ({@link RateLimits}): beyond that the call is
 * answered 429 with Retry-After before it does anything.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RateLimited {
    /** The operation's name in {@code luoshi.rate-limits.<operation>}. */
    @Nonbinding
    String value();
}
