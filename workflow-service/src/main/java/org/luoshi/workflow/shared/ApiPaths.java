package org.luoshi.workflow.shared;

/** Paths that one context's resource names in another's answers (a Location header), without depending on it. */
public final class ApiPaths {
    /** Where a started process instance's state is read (GET /api/processes/{id}). */
    public static final String PROCESSES = "/api/processes";

    private ApiPaths() {
    }
}
