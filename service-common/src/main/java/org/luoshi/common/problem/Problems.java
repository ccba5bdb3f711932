package org.luoshi.common.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses; the type URIs are stable identifiers clients may switch on. */
public final class Problems {
    private static final String TYPE_BASE = "https://luoshi.org/problems/";

    private Problems() {
    }

    public static Response response(int status, String typeSlug, String title, String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem(TYPE_BASE + typeSlug, title, status, detail, null, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** With a stable {@code code} naming the state that refused the request. */
    public static Response coded(int status, String typeSlug, String title, String detail, String code) {
        Problem problem = new Problem(TYPE_BASE + typeSlug, title, status, detail, null, null, code);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(int status, String typeSlug, String title, String detail) {
        return response(status, typeSlug, title, detail, null);
    }
}
