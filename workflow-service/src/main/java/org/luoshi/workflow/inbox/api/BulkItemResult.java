package org.luoshi.workflow.inbox.api;

import org.luoshi.common.problem.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one item of a bulk action: {@code status} is the HTTP status it would have had on its own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkItemResult(String id, boolean ok, int status, Problem problem) {

    /** The same result with {@code status} taken from its problem. */
    public BulkItemResult withStatusOfProblem() {
        return problem == null ? this : new BulkItemResult(id, ok, problem.status(), problem);
    }
}
