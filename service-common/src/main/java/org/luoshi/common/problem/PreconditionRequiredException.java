package org.luoshi.common.problem;

/** A write to an existing resource came without If-Match: it could silently overwrite someone else's change. */
public class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
