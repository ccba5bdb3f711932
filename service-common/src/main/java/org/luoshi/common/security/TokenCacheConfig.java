package org.luoshi.common.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bounds of {@link VerifiedTokens}, the memory of bearer tokens that passed quarkus-oidc's verification (see
 * service-common's README for why it exists and how it is sized).
 */
@ConfigMapping(prefix = "luoshi.token-cache")
public interface TokenCacheConfig {
    /** false verifies every request's token again (the behaviour without the cache). */
    @WithDefault("true")
    boolean enabled();

    /** The most tokens remembered at once (about 10 KB each); a full cache remembers no new token until entries lapse. */
    @WithDefault("1000")
    int maxSize();

    /**
     * The longest a token is accepted without verifying it again, even if its {@code exp} is later: it bounds how long
     * a token signed by a key the realm has since withdrawn from its key set is still accepted.
     */
    @WithDefault("PT5M")
    Duration maxAge();
}
