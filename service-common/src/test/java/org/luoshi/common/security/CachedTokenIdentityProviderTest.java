package org.luoshi.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The cache in front of token verification, with a verifier that stands for quarkus-oidc's (it accepts the tokens it
 * issued while they have not expired by the same movable clock, and counts its verifications).
 */
class CachedTokenIdentityProviderTest {
    private static final Instant START = Instant.parse("2026-12-05T08:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final IssuingVerifier verifier = new IssuingVerifier();

    private CachedTokenIdentityProvider provider(int maxSize, Duration maxAge) {
        return new CachedTokenIdentityProvider(verifier, Optional.of(new VerifiedTokens(maxSize, maxAge, now::get)));
    }

    @Test
    void aTokenIsVerifiedOnceAndItsIdentityServesItsLaterRequests() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofMinutes(5));
        String token = verifier.issue("chen.jing", Set.of("supervisor"), Duration.ofMinutes(15));

        SecurityIdentity first = authenticate(provider, token);
        SecurityIdentity second = authenticate(provider, token);

        assertEquals(1, verifier.verifications.get());
        assertEquals("chen.jing", second.getPrincipal().getName());
        assertEquals(Set.of("supervisor"), second.getRoles());
        assertSame(first.getPrincipal(), second.getPrincipal());
        assertEquals(token, second.getCredential(AccessTokenCredential.class).getToken());
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasRemembered() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofHours(1));
        String token = verifier.issue("chen.jing", Set.of("supervisor"), Duration.ofSeconds(60));
        authenticate(provider, token);

        now.set(START.plusSeconds(60));

        assertThrows(AuthenticationFailedException.class, () -> authenticate(provider, token));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterTheMaximumAge() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofMinutes(5));
        String token = verifier.issue("li.na", Set.of("staff"), Duration.ofMinutes(15));
        authenticate(provider, token);

        now.set(START.plus(Duration.ofMinutes(4)));
        authenticate(provider, token);
        assertEquals(1, verifier.verifications.get());

        now.set(START.plus(Duration.ofMinutes(5)));
        authenticate(provider, token);
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsRefusedEveryTime() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofMinutes(5));
        String token = verifier.issue("li.na", Set.of("staff"), Duration.ofMinutes(15));
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThrows(AuthenticationFailedException.class, () -> authenticate(provider, tampered));
        assertThrows(AuthenticationFailedException.class, () -> authenticate(provider, tampered));
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void twoUsersTokensGiveEachTheirOwnIdentityAndRoles() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofMinutes(5));
        String supervisor = verifier.issue("chen.jing", Set.of("supervisor"), Duration.ofMinutes(15));
        String staff = verifier.issue("li.na", Set.of("staff"), Duration.ofMinutes(15));

        for (int round = 0; round < 2; round++) {
            SecurityIdentity a = authenticate(provider, supervisor);
            SecurityIdentity b = authenticate(provider, staff);
            assertEquals("chen.jing", a.getPrincipal().getName());
            assertEquals(Set.of("supervisor"), a.getRoles());
            assertEquals("li.na", b.getPrincipal().getName());
            assertEquals(Set.of("staff"), b.getRoles());
        }
        assertEquals(2, verifier.verifications.get());
    }

    @Test
    void theCacheHoldsNoMoreTokensThanItsBoundAndVerifiesTheOthersEachTime() {
        VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofMinutes(5), now::get);
        CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(verifier, Optional.of(tokens));
        List<String> issued = List.of(verifier.issue("a", Set.of("staff"), Duration.ofMinutes(15)),
                verifier.issue("b", Set.of("staff"), Duration.ofMinutes(15)),
                verifier.issue("c", Set.of("staff"), Duration.ofMinutes(15)));

        issued.forEach(token -> authenticate(provider, token));
        issued.forEach(token -> authenticate(provider, token));

        assertEquals(2, tokens.size());
        assertEquals(4, verifier.verifications.get());
    }

    @Test
    void lapsedEntriesMakeRoomInAFullCache() {
        VerifiedTokens tokens = new VerifiedTokens(1, Duration.ofMinutes(5), now::get);
        CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(verifier, Optional.of(tokens));
        authenticate(provider, verifier.issue("a", Set.of("staff"), Duration.ofMinutes(1)));
        now.set(START.plus(Duration.ofMinutes(2)));
        String later = verifier.issue("b", Set.of("staff"), Duration.ofMinutes(15));

        authenticate(provider, later);
        authenticate(provider, later);

        assertEquals(2, verifier.verifications.get());
        assertEquals(1, tokens.size());
    }

    @Test
    void eachRequestGetsItsOwnRequestContextAndTheRememberedIdentityKeepsNone() {
        CachedTokenIdentityProvider provider = provider(10, Duration.ofMinutes(5));
        String token = verifier.issue("chen.jing", Set.of("supervisor"), Duration.ofMinutes(15));
        AuthenticationRequestContext first = new DirectContext();
        AuthenticationRequestContext second = new DirectContext();

        provider.authenticate(request(token), first).await().indefinitely();
        SecurityIdentity cached = provider.authenticate(request(token), second).await().indefinitely();

        assertSame(second, cached.getAttribute(AuthenticationRequestContext.class.getName()));
        assertEquals("kept", cached.getAttribute("token-scoped"));
        assertNull(CachedTokenIdentityProvider.withRequest(cached, null, null)
                .getAttribute(AuthenticationRequestContext.class.getName()));
    }

    @Test
    void tokensItDoesNotTakeAreLeftToQuarkusOidc() {
        CachedTokenIdentityProvider disabled = new CachedTokenIdentityProvider(verifier, Optional.empty());
        String token = verifier.issue("chen.jing", Set.of("supervisor"), Duration.ofMinutes(15));

        assertNull(disabled.authenticate(request(token), new DirectContext()).await().indefinitely());
        assertNull(provider(10, Duration.ofMinutes(5))
                .authenticate(new TokenAuthenticationRequest(new IdTokenCredential(token)), new DirectContext())
                .await().indefinitely());
        assertEquals(0, verifier.verifications.get());
        assertTrue(CachedTokenIdentityProvider.PRIORITY > new IssuingVerifier().priority());
    }

    private static SecurityIdentity authenticate(CachedTokenIdentityProvider provider, String token) {
        return provider.authenticate(request(token), new DirectContext()).await().indefinitely();
    }

    private static TokenAuthenticationRequest request(String token) {
        return new TokenAuthenticationRequest(new AccessTokenCredential(token));
    }

    /** Issues opaque test tokens and accepts exactly those it issued, until their expiry by the test's clock. */
    private final class IssuingVerifier implements IdentityProvider<TokenAuthenticationRequest> {
        private final Map<String, JwtClaims> issued = new HashMap<>();
        final AtomicInteger verifications = new AtomicInteger();

        String issue(String user, Set<String> roles, Duration lifetime) {
            JwtClaims claims = new JwtClaims();
            claims.setSubject(user);
            claims.setClaim("preferred_username", user);
            claims.setStringListClaim("groups", List.copyOf(roles));
            claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now.get().plus(lifetime).getEpochSecond()));
            String token = "header." + user + "-" + issued.size() + ".signature" + issued.size() + "A";
            issued.put(token, claims);
            return token;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            verifications.incrementAndGet();
            JwtClaims claims = issued.get(request.getToken().getToken());
            try {
                if (claims == null || claims.getExpirationTime().getValue() <= now.get().getEpochSecond()) {
                    return Uni.createFrom().failure(new AuthenticationFailedException());
                }
                OidcJwtCallerPrincipal principal = new OidcJwtCallerPrincipal(claims, request.getToken(), "preferred_username");
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(principal)
                        .addCredential(request.getToken()).addRoles(Set.copyOf(claims.getStringListClaimValue("groups")))
                        .addAttribute("token-scoped", "kept").addAttribute(AuthenticationRequestContext.class.getName(), context)
                        .build());
            } catch (Exception e) {
                return Uni.createFrom().failure(new AuthenticationFailedException(e));
            }
        }
    }

    private static final class DirectContext implements AuthenticationRequestContext {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return Uni.createFrom().item(function);
        }
    }
}
