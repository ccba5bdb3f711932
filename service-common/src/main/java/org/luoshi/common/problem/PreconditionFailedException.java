package org.luoshi.common.problem;

/** A write named a version (If-Match) that is no longer the current one: someone changed it meanwhile. */
public class PreconditionFailedException extends RuntimeException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
