package org.luoshi.task.audit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * One text for one JSON value, so that a hash over it can be recomputed from whatever a database gives back.
 * <ul>
 * <li>object keys sorted by their UTF-16 code units, at every level; no whitespace outside strings;</li>
 * <li>numbers by value in plain decimal, no exponent, no trailing fractional zeros: {@code 1.50}, {@code 15e-1} and
 * {@code 1.5} are all {@code 1.5}; {@code 100.0} and {@code 1e2} are {@code 100}; NaN and infinities (which JSON
 * cannot hold) are written as the strings Jackson gives them;</li>
 * <li>strings escape only {@code "}, {@code \} and control characters ({@code \b \t \n \f \r}, others as
 * a backslash, u, 00 and two lower-case hex digits); everything else, Chinese included, is written as is.</li>
 * </ul>
 * PostgreSQL's jsonb reorders keys, adds spaces and may rewrite numbers; none of that changes the canonical text,
 * which {@code CanonicalJsonTest} and the audit round-trip test show.
 */
public final class CanonicalJson {
    /** Reads floating-point numbers as BigDecimal, so that nothing is lost through a double. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** The canonical text of a JSON document (as PostgreSQL prints a jsonb value, say). */
    public static String canonicalise(String json) {
        try {
            return write(READER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text with numbers kept exact; for showing stored states. */
    public static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
        }
    }

    /** The canonical text of a tree; a Java null and a missing node are written as {@code null}. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** A JSON string literal for the text, escaped as above. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null) {
            out.append("null");
            return;
        }
        JsonNodeType type = node.getNodeType();
        switch (type) {
            case NULL, MISSING -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING, BINARY -> quote(node.asText(), out);
            case NUMBER -> number(node, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
                    keys.add(names.next());
                }
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    quote(keys.get(i), out);
                    out.append(':');
                    write(node.get(keys.get(i)), out);
                }
                out.append('}');
            }
            default -> throw new IllegalArgumentException(
                    "a " + type + " node has no JSON form; convert it to plain values before it is audited");
        }
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue().toString());
            return;
        }
        BigDecimal value;
        if (node.isFloat()) {
            float f = node.floatValue();
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                quote(Float.toString(f), out);
                return;
            }
            value = new BigDecimal(Float.toString(f));
        } else if (node.isDouble()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                quote(Double.toString(d), out);
                return;
            }
            value = BigDecimal.valueOf(d);
        } else {
            value = node.decimalValue();
        }
        out.append(plain(value));
    }

    /** Plain decimal without trailing fractional zeros; zero is "0" whatever its scale or sign. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
