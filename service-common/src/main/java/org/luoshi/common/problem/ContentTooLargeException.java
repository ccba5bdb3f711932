package org.luoshi.common.problem;

/** A request content larger than the service takes for that field (an upload, a document): 413 naming the field. */
public class ContentTooLargeException extends RuntimeException {
    private final String field;

    public ContentTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
