package org.luoshi.common.security;

/** The realm roles, as named in auth/realm/luoshi-realm.json. */
public final class Roles {
    /** Department staff (a municipal body or a district). */
    public static final String STAFF = "staff";
    /** The supervising office (督查). */
    public static final String SUPERVISOR = "supervisor";
    /** A third-party evaluation organisation. */
    public static final String EVALUATOR = "evaluator";
    /** Runs the system. */
    public static final String ADMIN = "admin";
    /** Machine role of workflow-service's service account. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
