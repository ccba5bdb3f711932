package org.luoshi.common.problem;

import java.util.Map;

/**
 * A rule about one field that annotations cannot express (it depends on other fields or on stored state). The message
 * is English; {@code code} and {@code params} (see {@link ViolationCodes}) let a client say it in its own language.
 */
public class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String code;
    private final Map<String, Object> params;

    public InvalidFieldException(String field, String message) {
        this(field, message, ViolationCodes.INVALID, Map.of());
    }

    public InvalidFieldException(String field, String message, String code) {
        this(field, message, code, Map.of());
    }

    public InvalidFieldException(String field, String message, String code, Map<String, Object> params) {
        super(message);
        this.field = field;
        this.code = code == null || code.isBlank() ? ViolationCodes.INVALID : code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> params() {
        return params;
    }

    /** The field error this exception stands for, as problem+json carries it. */
    public Problem.FieldError toFieldError() {
        return new Problem.FieldError(field, getMessage(), code, params);
    }
}
