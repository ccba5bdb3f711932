package org.luoshi.common.problem;

/**
 * The request contradicts the current state (a duplicate, a step already taken). {@code code}, when given, names
 * that state for clients ({@code plan-draft}, {@code milestone-tracked}, {@code milestone-done}): stable, like the
 * problem types, listed in docs/problem-format.md.
 */
public class ConflictException extends RuntimeException {
    private final String code;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
