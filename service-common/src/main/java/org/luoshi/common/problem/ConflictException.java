package org.luoshi.common.problem;

/** The request contradicts the current state (a duplicate, a step already taken). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
