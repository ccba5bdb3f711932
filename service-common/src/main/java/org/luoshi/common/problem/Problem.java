package org.luoshi.common.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code errors} names each offending field so that a form can show the
 * message next to it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * A problem without a {@code code}: the type says all a client needs. {@code code} (a 409 naming the state that
     * refuses the request, e.g. {@code plan-draft}) is stable like the type; clients switch on it.
     */
    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /**
     * One offending field: {@code message} is English for people reading logs and API answers; {@code code} (see
     * {@link ViolationCodes}) and {@code params} are stable for clients, which show the error in their own language.
     */
    public record FieldError(String field, String message, String code, Map<String, Object> params) {

        public FieldError {
            code = code == null || code.isBlank() ? ViolationCodes.INVALID : code;
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        /** A field error without a more precise code: {@value ViolationCodes#INVALID}, no params. */
        public FieldError(String field, String message) {
            this(field, message, ViolationCodes.INVALID, Map.of());
        }
    }
}
