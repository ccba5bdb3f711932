package org.luoshi.task.disclosure.rest;

import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;

/**
 * Ids in public paths and queries are taken as text and read here, so that anything but a plain positive number
 * ("abc", "-1", "1e3", "../x", a number past the range) is a 400 naming the field rather than whatever the
 * framework would make of it.
 */
final class PublicIds {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");

    private PublicIds() {
    }

    static long parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidFieldException(field, "is required: a positive whole number", ViolationCodes.REQUIRED);
        }
        if (!ID.matcher(raw).matches()) {
            throw new InvalidFieldException(field, "must be a positive whole number of at most 18 digits");
        }
        return Long.parseLong(raw);
    }
}
