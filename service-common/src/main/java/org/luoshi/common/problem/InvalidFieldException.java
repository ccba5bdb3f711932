package org.luoshi.common.problem;

/** A rule about one field that annotations cannot express (it depends on other fields or on stored state). */
public class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
