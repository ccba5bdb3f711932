package org.luoshi.common.problem;

/**
 * Something the caller asked for does not exist, or exists but is not theirs to see: both answer 404 so
 * that another department's ids leak nothing.
 */
public class ResourceNotFoundException extends RuntimeException {
    private final String resource;
    private final String id;

    public ResourceNotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
        this.resource = resource;
        this.id = String.valueOf(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
