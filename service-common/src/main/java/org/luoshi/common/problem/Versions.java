package org.luoshi.common.problem;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's version travels as a weak ETag ({@code W/"3"}), and a write
 * must send it back in If-Match.
 */
public final class Versions {
    private Versions() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version), true);
    }

    /** The version an If-Match header names; 428 without one, 412 for one that is not ours. */
    public static int required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("send the ETag of your last read in If-Match");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " names no version of this resource");
        }
    }
}
