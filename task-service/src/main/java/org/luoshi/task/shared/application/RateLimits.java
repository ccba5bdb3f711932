package org.luoshi.task.shared.application;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * How often one user may call each {@link RateLimited} operation: {@code luoshi.rate-limits.<operation>.requests} per
 * {@code luoshi.rate-limits.<operation>.per}. An operation without an entry uses the defaults below.
 */
@ConfigMapping(prefix = "luoshi.rate-limits")
public interface RateLimits {
    @WithParentName
    Map<String, Limit> operations();

    interface Limit {
        @WithDefault("30")
        int requests();

        @WithDefault("1H")
        Duration per();
    }
}
