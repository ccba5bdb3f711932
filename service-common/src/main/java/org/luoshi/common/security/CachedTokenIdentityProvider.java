package org.luoshi.common.security;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token once and reuses what verification built for the token's later requests: browsers and the
 * service account send the same token for minutes, and verifying it (signature, claims parsed twice, roles) was the
 * largest share of the CPU of a request without SQL (service-common's README has the profile).
 *
 * <p>Quarkus tries the identity providers of a request type in descending {@link #priority()}; this one comes before
 * quarkus-oidc's {@link OidcIdentityProvider} (the default priority) and hands every token it does not remember to it,
 * remembering the identity only if verification succeeded. Tokens it does not take (ID tokens of a code flow, any
 * token while the cache is disabled, DPoP-bound tokens whose proof is per request) it leaves to quarkus-oidc by
 * answering no identity.
 *
 * <p>An identity built by quarkus-oidc carries two attributes of the request it was verified in (its routing context
 * and authentication request context); the remembered copy carries neither, and each later request gets its own.
 * Everything else (principal = the {@link JsonWebToken} with its claims, roles, credential, tenant, expiry) is the
 * token's, the same for every request that sends it, and identity augmentors run on every request as before.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Ahead of quarkus-oidc's provider, which keeps {@link IdentityProvider}'s default. */
    static final int PRIORITY = 2000;
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final IdentityProvider<TokenAuthenticationRequest> verifier;
    /** Empty when luoshi.token-cache.enabled=false. */
    private final Optional<VerifiedTokens> verified;

    @Inject
    CachedTokenIdentityProvider(OidcIdentityProvider oidc, TokenCacheConfig config) {
        this(oidc, config.enabled()
                ? Optional.of(new VerifiedTokens(config.maxSize(), config.maxAge(), InstantSource.system()))
                : Optional.empty());
    }

    CachedTokenIdentityProvider(IdentityProvider<TokenAuthenticationRequest> verifier, Optional<VerifiedTokens> verified) {
        this.verifier = verifier;
        this.verified = verified;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (verified.isEmpty() || !(request.getToken() instanceof AccessTokenCredential)
                || routing != null && routing.request().getHeader("DPoP") != null) {
            return Uni.createFrom().nullItem();
        }
        VerifiedTokens tokens = verified.get();
        String token = request.getToken().getToken();
        Optional<SecurityIdentity> known = tokens.find(token);
        if (known.isPresent()) {
            if (routing != null) {
                // quarkus-oidc's provider leaves it there for code that reads it later in the request
                routing.put(REQUEST_CONTEXT, context);
            }
            return Uni.createFrom().item(withRequest(known.get(), routing, context));
        }
        return verifier.authenticate(request, context).invoke(identity -> remember(tokens, token, identity));
    }

    private static void remember(VerifiedTokens tokens, String token, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            tokens.remember(token, withRequest(identity, null, null), Instant.ofEpochSecond(jwt.getExpirationTime()));
        }
    }

    /** How many verified tokens are remembered now (0 when the cache is disabled). */
    public int remembered() {
        return verified.map(VerifiedTokens::size).orElse(0);
    }

    /** The identity with the attributes that belong to one request set to this request's (or to none). */
    static SecurityIdentity withRequest(SecurityIdentity identity, RoutingContext routing, AuthenticationRequestContext context) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, context).build();
    }
}
