package org.luoshi.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the user name, realm roles and department codes from the validated access token.
 * Departments come from the token's {@value #DEPARTMENTS_CLAIM} claim, which the realm fills from the
 * user's department groups.
 */
@RequestScoped
public class CurrentUser {
    public static final String DEPARTMENTS_CLAIM = "departments";
    /** The third-party evaluation organisation an evaluator works for (a user attribute in the realm). */
    public static final String ORGANISATION_CLAIM = "organisation";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** "li.na [staff] dept=[haidian]", for logs. */
    public static String describe(SecurityIdentity identity) {
        List<String> departments = identity.getPrincipal() instanceof JsonWebToken jwt ? departmentsOf(jwt) : List.of();
        return identity.getPrincipal().getName() + " " + identity.getRoles() + " dept=" + departments;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String username() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The department codes the user belongs to; empty for users outside any department. */
    public List<String> departments() {
        if (identity.isAnonymous()) {
            return List.of();
        }
        return departmentsOf(token);
    }

    private static List<String> departmentsOf(JsonWebToken token) {
        Object claim = token.getClaim(DEPARTMENTS_CLAIM);
        if (claim instanceof Collection<?> values) {
            return values.stream().map(CurrentUser::unquote).toList();
        }
        return claim == null ? List.of() : List.of(unquote(claim));
    }

    /** The evaluation organisation code of an evaluator; empty for everybody else. */
    public java.util.Optional<String> organisation() {
        if (identity.isAnonymous()) {
            return java.util.Optional.empty();
        }
        Object claim = token.getClaim(ORGANISATION_CLAIM);
        return claim == null ? java.util.Optional.empty() : java.util.Optional.of(unquote(claim)).filter(s -> !s.isBlank());
    }

    public boolean belongsTo(String departmentCode) {
        return departmentCode != null && departments().contains(departmentCode);
    }

    /** JSON-P strings print with their quotes; the codes are wanted without. */
    private static String unquote(Object value) {
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        String text = String.valueOf(value);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
