package org.luoshi.common.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.input.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
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

    @Inject
    BodyLimitProblem bodyLimit;

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
        String field = fieldPath(e);
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
    public Response tooLarge(ContentTooLargeException e) {
        return Problems.response(413, "too-large", "Content too large", e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage(), ViolationCodes.INVALID, Map.of())));
    }

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequestsException e) {
        Response problem = Problems.response(429, "too-many-requests", "Too many requests", e.getMessage());
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return Problems.response(404, "not-found", "Not found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problems.coded(409, "conflict", "Conflict", e.getMessage(), e.code());
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
        if (e.getCause() instanceof JsonProcessingException unreadable && e.getResponse().getStatus() == 400) {
            // Quarkus' JSON reader wraps what is not a MismatchedInputException (a number out of range, a syntax
            // error) in a bare 400: answer it like any unreadable body, naming the field
            return unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        if (status == 413 && bodyLimit.limit().isPresent()) {
            // the multipart parser's own stop at quarkus.http.limits.max-body-size, for a body sent chunked
            return bodyLimit.response();
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

    /**
     * The field a violation is about, as the request names it: the JSON path of a body property
     * ({@code items[0].version}: the index belongs to the list, before the property inside it), or the query, path or
     * header parameter's name in the request ({@code activity}), not the Java parameter's ({@code activities}).
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        List<Method> method = List.of();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = method(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = requestName(method, node.as(Path.ParameterNode.class));
                continue;
            }
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "request";
    }

    /** The resource method, as declared: a generated subclass (for interceptors) overrides it without annotations. */
    private static List<Method> method(Class<?> type, Path.MethodNode node) {
        List<Method> declared = new java.util.ArrayList<>();
        Class<?>[] parameters = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                declared.add(c.getDeclaredMethod(node.getName(), parameters));
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return declared;
    }

    /** The name a method parameter has in the request (its @QueryParam, @PathParam or @HeaderParam), else its own. */
    private static String requestName(List<Method> methods, Path.ParameterNode node) {
        for (Method method : methods) {
            if (node.getParameterIndex() >= method.getParameterCount()) {
                continue;
            }
            for (Annotation a : method.getParameterAnnotations()[node.getParameterIndex()]) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
        }
        return node.getName();
    }

    /** For a value of the wrong kind, what would have been right: the allowed names of an enum, say. */
    private static String expectation(JsonProcessingException e) {
        if (e instanceof StrictJson.NulCharacterException) {
            return "must not contain the NUL character (U+0000)";
        }
        if (e instanceof MismatchedInputException mismatch && isDate(mismatch.getTargetType())) {
            return "must be a date such as 2021-12-31";
        }
        if (e instanceof InputCoercionException) {
            return "is out of range";
        }
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
        if (e instanceof StrictJson.NulCharacterException) {
            return ViolationCodes.INVALID;
        }
        if (e instanceof MismatchedInputException mismatch && isDate(mismatch.getTargetType())) {
            params.put("expected", "yyyy-MM-dd");
            return ViolationCodes.FORMAT;
        }
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

    private static boolean isDate(Class<?> type) {
        return type == java.time.LocalDate.class;
    }

    /**
     * Where in the body a failure of reading happened: the mapping's path, or for a number too large for its type
     * (which the parser refuses before any mapping) where the parser stood.
     */
    private static String fieldPath(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return fieldPath(mapping);
        }
        if (e instanceof InputCoercionException read && read.getProcessor() != null) {
            return contextPath(read.getProcessor().getParsingContext());
        }
        return null;
    }

    private static String contextPath(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
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
