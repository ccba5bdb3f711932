package org.luoshi.common.input;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.luoshi.common.problem.Problem;
import org.luoshi.common.problem.Problems;
import org.luoshi.common.problem.ViolationCodes;

/**
 * One rule for every query parameter, path parameter and header of both services, applied before the resource method
 * is called: a value is read strictly as the type the method declares, and a value that does not read answers 400
 * naming the parameter — never JAX-RS' bare 404 for a query or path parameter that does not convert, never a
 * "maybe" taken as false, never a NUL character (which PostgreSQL refuses) reaching a query.
 *
 * <ul>
 * <li>whole numbers ({@code int}, {@code long} and their boxes): optional sign and digits, within the type's range
 * ({@code 1e3} is not a whole number);</li>
 * <li>booleans: {@code true} or {@code false}, any case;</li>
 * <li>enums: one of their names (the problem lists them);</li>
 * <li>{@link LocalDate}: an ISO date such as {@code 2021-12-31};</li>
 * <li>every value, of any type, and every header: no NUL character.</li>
 * </ul>
 * Lists of those types are checked value by value. Bounds (a page number, a size) are the resource's, by Bean
 * Validation.
 */
public class StrictParameters {
    /** The parameters of each resource method, by the class and method that declare them. */
    private final Map<Method, List<Declared>> declared = new ConcurrentHashMap<>();

    /** A query or path parameter as declared: its name in the request and the type of each of its values. */
    record Declared(String name, boolean query, Class<?> type) {
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return Optional.of(invalid(header.getKey(), "must not contain the NUL character (U+0000)",
                            ViolationCodes.INVALID, Map.of()));
                }
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            Optional<Response> nul = nulIn(param.getKey(), param.getValue());
            if (nul.isPresent()) {
                return nul;
            }
        }
        for (Map.Entry<String, List<String>> param : path.entrySet()) {
            Optional<Response> nul = nulIn(param.getKey(), param.getValue());
            if (nul.isPresent()) {
                return nul;
            }
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        for (Declared d : declared.computeIfAbsent(method, StrictParameters::declaredBy)) {
            List<String> values = d.query() ? query.get(d.name()) : path.get(d.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Optional<Response> refused = read(d, value);
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Response> nulIn(String name, List<String> values) {
        if (name.indexOf('\0') >= 0 || values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
            return Optional.of(invalid(name.replace("\0", ""), "must not contain the NUL character (U+0000)",
                    ViolationCodes.INVALID, Map.of()));
        }
        return Optional.empty();
    }

    /** Whether the value reads as the declared type; an empty value is left to the resource (it means "not given"). */
    static Optional<Response> read(Declared d, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Class<?> type = d.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            boolean isInt = type == int.class || type == Integer.class;
            try {
                long n = Long.parseLong(value.strip());
                if (isInt && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                return Optional.of(invalid(d.name(), "must be a whole number" + (isInt ? " of at most 10 digits" : ""),
                        ViolationCodes.NUMBER, Map.of()));
            }
        } else if (type == boolean.class || type == Boolean.class) {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                return Optional.of(invalid(d.name(), "must be true or false", ViolationCodes.ONE_OF,
                        Map.of("allowed", "true, false")));
            }
        } else if (type.isEnum()) {
            boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            if (!known) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
                return Optional.of(invalid(d.name(), "must be one of " + allowed, ViolationCodes.ONE_OF,
                        Map.of("allowed", allowed)));
            }
        } else if (type == LocalDate.class) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                return Optional.of(invalid(d.name(), "must be a date such as 2021-12-31", ViolationCodes.FORMAT,
                        Map.of("expected", "yyyy-MM-dd")));
            }
        }
        return Optional.empty();
    }

    private static Response invalid(String field, String message, String code, Map<String, Object> params) {
        return Problems.response(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message, code, params)));
    }

    /** The query and path parameters of the method, with those of its {@link BeanParam} classes. */
    static List<Declared> declaredBy(Method method) {
        List<Declared> found = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            add(found, p.getAnnotation(QueryParam.class), p.getAnnotation(PathParam.class), p.getType(),
                    p.getParameterizedType());
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        add(found, f.getAnnotation(QueryParam.class), f.getAnnotation(PathParam.class), f.getType(),
                                f.getGenericType());
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static void add(List<Declared> found, QueryParam query, PathParam path, Class<?> type, Type generic) {
        if (query == null && path == null) {
            return;
        }
        Class<?> valueType = type;
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            valueType = element;
        }
        found.add(new Declared(query != null ? query.value() : path.value(), query != null, valueType));
    }
}
