package org.luoshi.workflow.taskservice;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What task-service will refuse in an async step is asked of it before the step is started (its validation endpoints
 * answer 204 or the same 4xx as the real call): the person gets the 400 naming the field now — or the 409 saying which
 * state of the record refuses it (a task accepted already) — instead of a process that fails later. Any other failure
 * means task-service could not be asked (503).
 */
public final class TaskServiceValidation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(TaskServiceValidation.class);

    private TaskServiceValidation() {
    }

    public static void check(String what, Runnable validation) {
        try {
            ServiceToken.withFreshTokenOn401(what, () -> {
                validation.run();
                return null;
            });
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 422) {
                throw refusal(what, e);
            }
            if (status == 404 || status == 409) {
                throw new ConflictException("task-service would refuse " + what + ": " + detail(e));
            }
            throw new TaskServiceUnavailableException("task-service answered " + status + " when asked to check " + what, e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked to check " + what, e);
        }
    }

    /**
     * As {@link #check}, for a step whose person must not be held up by task-service being away: when task-service
     * cannot be asked, the check is skipped (and logged) and the step's own call retries until task-service is back,
     * a refusal then taking the step's modelled path back to a person. Answers whether the check was made.
     */
    public static boolean checkWhenReachable(String what, Runnable validation) {
        try {
            check(what, validation);
            return true;
        } catch (TaskServiceUnavailableException e) {
            LOG.warnf("task-service could not be asked to check %s; the process records it when task-service is back: %s",
                    what, e.getMessage());
            return false;
        }
    }

    /**
     * task-service's permanent refusal of a write made for a person, as the person's answer: 400/422 naming the field
     * task-service named, 409 with task-service's code and detail; null for any other status (the caller's to map).
     */
    public static RuntimeException relayedRefusal(String what, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 || status == 422) {
            return refusal(what, e);
        }
        if (status == 409) {
            JsonNode problem = problem(e);
            return new ConflictException(problem.path("code").asText(null), "task-service refuses " + what + ": "
                    + problem.path("detail").asText("it answered 409"));
        }
        return null;
    }

    private static JsonNode problem(WebApplicationException e) {
        try {
            return JSON.readTree(e.getResponse().readEntity(String.class));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return JSON.createObjectNode();
        }
    }

    /** The problem's detail, or the status when the body says nothing. */
    private static String detail(WebApplicationException e) {
        try {
            String detail = JSON.readTree(e.getResponse().readEntity(String.class)).path("detail").asText("");
            if (!detail.isBlank()) {
                return detail;
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // no problem+json body: the status says it
        }
        return "it answered " + e.getResponse().getStatus();
    }

    /** task-service's first field error as ours (same field name, same message), or the problem's detail. */
    private static InvalidFieldException refusal(String what, WebApplicationException e) {
        JsonNode problem;
        try {
            problem = JSON.readTree(e.getResponse().readEntity(String.class));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return new InvalidFieldException(what, "task-service would refuse it");
        }
        JsonNode error = problem.path("errors").path(0);
        if (error.hasNonNull("field")) {
            return new InvalidFieldException(error.path("field").asText(), error.path("message").asText(),
                    error.path("code").asText(null), Map.of());
        }
        return new InvalidFieldException(what, problem.path("detail").asText("task-service would refuse it"));
    }
}
