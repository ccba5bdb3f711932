package org.luoshi.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps each kind of failure to its problem+json answer. No answer carries a class name or a stack trace:
 * an unexpected failure is logged with an id that the answer repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> ViolationCodes.fieldError(fieldName(v), v))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "validation", "Invalid request", detail, errors);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problems.response(400, "validation", "Invalid request", e.field() + ": " + e.getMessage(),
                List.of(e.toFieldError()));
    }

    /** Listed one by one and ahead of Quarkus' own mappers, which answer without naming the field. */
    @ServerExceptionMapper(value = { JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class }, priority = Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : null;
        String message = expectation(e);
        Map<String, Object> params = new LinkedHashMap<>();
        String code = expectationCode(e, params);
        String detail = field == null || field.isEmpty()
                ? "The request body is not valid JSON"
                : "The value of '" + field + "' " + message;
        List<Problem.FieldError> errors = field == null || field.isEmpty()
                ? null
                : List.of(new Problem.FieldError(field, message, code, params));
        return Problems.response(400, "malformed-body", "Malformed request body", detail, errors);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return Problems.response(404, "not-found", "Not found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problems.response(409, "conflict", "Conflict", e.getMessage());
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        return Problems.response(412, "stale-version", "Precondition failed", e.getMessage());
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequiredException e) {
        return Problems.response(428, "precondition-required", "Precondition required", e.getMessage(),
                List.of(new Problem.FieldError("If-Match", e.getMessage(), ViolationCodes.REQUIRED, Map.of())));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role does not allow this action");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        Response problem = Problems.response(401, "unauthorized", "Unauthorized",
                "A valid bearer token from the Luoshi realm is required");
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        return Problems.response(status, "http-" + status, title, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, error id %s", errorId);
        return Problems.response(500, "internal", "Internal error",
                "The request could not be completed; quote error id " + errorId + " to the administrator");
    }

    /** The bean property a violation is about, without the method and parameter names of the resource. */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }

    /** For a value of the wrong kind, what would have been right: the allowed names of an enum, say. */
    private static String expectation(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                String allowed = java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                return "must be one of " + allowed;
            }
            if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
                return "must be a number";
            }
        }
        return "is not of the expected type";
    }

    /** The {@link ViolationCodes code} of a value of the wrong kind, with the allowed names of an enum. */
    private static String expectationCode(JsonProcessingException e, Map<String, Object> params) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target.isEnum()) {
                params.put("allowed", java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", ")));
                return ViolationCodes.ONE_OF;
            }
            if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
                return ViolationCodes.NUMBER;
            }
        }
        return ViolationCodes.TYPE;
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
