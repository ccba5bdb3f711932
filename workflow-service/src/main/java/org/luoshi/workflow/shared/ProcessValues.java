package org.luoshi.workflow.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How process-variable values come back from the engine: a number set as a long may return as an Integer (and the
 * other way round), a map or list set as JSON returns as maps and lists of whatever JSON made of its entries.
 */
public final class ProcessValues {
    private ProcessValues() {
    }

    public static Long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? null : Long.valueOf(value.toString());
    }

    public static Integer asInt(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    public static String asString(Object value) {
        return (String) value;
    }

    public static List<Long> longs(Object value) {
        List<Long> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(asLong(v)));
        }
        return result;
    }

    public static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        }
        return result;
    }

    /** A list of JSON objects, as a new list the caller may change and store again. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(entry -> result.add((Map<String, Object>) entry));
        }
        return result;
    }

    /** {key → text} from a stored JSON object, or null when there is none or it is empty. */
    public static Map<String, String> stringMap(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
        return result;
    }
}
