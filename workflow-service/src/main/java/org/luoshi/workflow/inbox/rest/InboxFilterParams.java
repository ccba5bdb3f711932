package org.luoshi.workflow.inbox.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.workflow.inbox.application.InboxQueries;

/**
 * The inbox's filters, shared by the page and the count so that both always count the same items. The fields carry
 * the parameters' names: a refused one is named as the request spells it.
 */
public class InboxFilterParams {
    @QueryParam("processKey")
    @Size(max = 255)
    String processKey;

    @QueryParam("activity")
    @Size(max = 20)
    List<@Size(max = 255) String> activity;

    @QueryParam("section")
    @Size(max = 40)
    String section;

    @QueryParam("dueFrom")
    String dueFrom;

    @QueryParam("dueTo")
    String dueTo;

    @QueryParam("overdue")
    @DefaultValue("false")
    boolean overdue;

    @QueryParam("text")
    @Size(max = 200)
    String text;

    InboxQueries.Filter toFilter() {
        return new InboxQueries.Filter(processKey, section, instant("dueFrom", dueFrom), instant("dueTo", dueTo), overdue, text,
                activity, null);
    }

    /** An ISO-8601 instant; a malformed one is a 400 naming the parameter (not the 404 of a failed conversion). */
    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException(parameter, "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z",
                    ViolationCodes.FORMAT, Map.of("expected", "2026-01-31T00:00:00Z"));
        }
    }
}
