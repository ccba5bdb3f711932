package org.luoshi.workflow.taskservice;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;

import org.luoshi.workflow.shared.ServiceToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every write or process-step read of task-service goes through here. An answer 401 is made once more with a new
 * token ({@link ServiceToken}).
 *
 * <p>Any other answer from 400 to 499 — except 408 (timeout) and 429 (too many requests), which pass — is a permanent
 * refusal: the same request will be refused again, so it is thrown as {@link TaskServiceRefusal} with task-service's
 * reason, for the process step to take its modelled way back to the person (a BPMN error) instead of retrying into an
 * incident. 5xx, timeouts and connection failures stay what they are: transient, retried by the job executor.
 */
public final class ServiceCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> TRANSIENT_4XX = Set.of(401, 408, 429);

    private ServiceCalls() {
    }

    public static <T> T call(String what, Supplier<T> call) {
        try {
            return ServiceToken.withFreshTokenOn401(what, call);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status >= 400 && status < 500 && !TRANSIENT_4XX.contains(status)) {
                throw new TaskServiceRefusal(status, reason(e), e);
            }
            throw e;
        }
    }

    public static void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    /** The problem's detail and field errors as one sentence, or the status line when the body says nothing. */
    private static String reason(WebApplicationException e) {
        try {
            JsonNode problem = JSON.readTree(e.getResponse().readEntity(String.class));
            StringBuilder reason = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            for (JsonNode error : problem.path("errors")) {
                reason.append(reason.isEmpty() ? "" : "; ").append(error.path("field").asText()).append(": ")
                        .append(error.path("message").asText());
            }
            if (!reason.isEmpty()) {
                return reason.toString();
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // no problem+json body: the status says it
        }
        return "task-service answered " + e.getResponse().getStatus();
    }
}
