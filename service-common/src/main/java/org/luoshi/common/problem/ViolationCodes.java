package org.luoshi.common.problem;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The stable machine codes of field errors ({@code errors[].code} in problem+json) and their {@code params}. Clients
 * translate a code with its params into their own language; the English {@code message} stays for people and logs.
 * Codes are part of the API: add new ones, never rename one.
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><th>code</th><th>params</th><th>from</th></tr>
 * <tr><td>required</td><td>—</td><td>NotNull, NotBlank, NotEmpty; a missing header or a "required when" rule</td></tr>
 * <tr><td>length</td><td>min?, max?</td><td>Size on text (a bound is left out when it does not limit)</td></tr>
 * <tr><td>count</td><td>min?, max?</td><td>Size on a list, set, map or array</td></tr>
 * <tr><td>min / max</td><td>value, inclusive?</td><td>Min, Max, DecimalMin, DecimalMax</td></tr>
 * <tr><td>positive, positiveOrZero, negative, negativeOrZero</td><td>—</td><td>the constraints of those names</td></tr>
 * <tr><td>digits</td><td>integer, fraction</td><td>Digits</td></tr>
 * <tr><td>format</td><td>—</td><td>Pattern (the message says which format)</td></tr>
 * <tr><td>email</td><td>—</td><td>Email</td></tr>
 * <tr><td>past, pastOrPresent, future, futureOrPresent</td><td>—</td><td>the constraints of those names</td></tr>
 * <tr><td>oneOf</td><td>allowed</td><td>a JSON value outside an enumeration</td></tr>
 * <tr><td>number</td><td>—</td><td>a JSON value that should be a number</td></tr>
 * <tr><td>type</td><td>—</td><td>any other JSON value of the wrong kind</td></tr>
 * <tr><td>invalid</td><td>—</td><td>anything else: the message is the only explanation</td></tr>
 * </table>
 *
 * Domain rules ({@link InvalidFieldException}) use the same codes where they fit and may add their own, e.g.
 * {@code notBefore} {other} or {@code unknown} {value}.
 */
public final class ViolationCodes {
    public static final String REQUIRED = "required";
    public static final String LENGTH = "length";
    public static final String COUNT = "count";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String POSITIVE = "positive";
    public static final String POSITIVE_OR_ZERO = "positiveOrZero";
    public static final String NEGATIVE = "negative";
    public static final String NEGATIVE_OR_ZERO = "negativeOrZero";
    public static final String DIGITS = "digits";
    public static final String FORMAT = "format";
    public static final String EMAIL = "email";
    public static final String PAST = "past";
    public static final String PAST_OR_PRESENT = "pastOrPresent";
    public static final String FUTURE = "future";
    public static final String FUTURE_OR_PRESENT = "futureOrPresent";
    public static final String ONE_OF = "oneOf";
    public static final String NUMBER = "number";
    public static final String TYPE = "type";
    /** A date or value that must not lie before another field's ({@code other}: that field's name). */
    public static final String NOT_BEFORE = "notBefore";
    /** A reference to something that does not exist ({@code value}: what was sent). */
    public static final String UNKNOWN = "unknown";
    public static final String INVALID = "invalid";

    /** The constraints whose code needs no params. */
    private static final Map<Class<? extends Annotation>, String> WITHOUT_PARAMS = Map.ofEntries(
            Map.entry(NotNull.class, REQUIRED), Map.entry(NotBlank.class, REQUIRED), Map.entry(NotEmpty.class, REQUIRED),
            Map.entry(Positive.class, POSITIVE), Map.entry(PositiveOrZero.class, POSITIVE_OR_ZERO),
            Map.entry(Negative.class, NEGATIVE), Map.entry(NegativeOrZero.class, NEGATIVE_OR_ZERO),
            Map.entry(Pattern.class, FORMAT), Map.entry(Email.class, EMAIL),
            Map.entry(Past.class, PAST), Map.entry(PastOrPresent.class, PAST_OR_PRESENT),
            Map.entry(Future.class, FUTURE), Map.entry(FutureOrPresent.class, FUTURE_OR_PRESENT));

    private ViolationCodes() {
    }

    /** The field error of one violation, named {@code field}: its message, code and params. */
    public static Problem.FieldError fieldError(String field, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor() == null ? null
                : violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> params = new LinkedHashMap<>();
        String code = code(constraint, violation.getInvalidValue(), params);
        return new Problem.FieldError(field, violation.getMessage(), code, params);
    }

    /** The code of a constraint; fills {@code params} with what the code's message needs. */
    static String code(Annotation constraint, Object invalidValue, Map<String, Object> params) {
        if (constraint == null) {
            return INVALID;
        }
        ViolationCode declared = constraint.annotationType().getAnnotation(ViolationCode.class);
        if (declared != null) {
            return declared.value();
        }
        if (constraint instanceof Size size) {
            if (size.min() > 0) {
                params.put("min", size.min());
            }
            if (size.max() < Integer.MAX_VALUE) {
                params.put("max", size.max());
            }
            return isMany(invalidValue) ? COUNT : LENGTH;
        }
        if (constraint instanceof Min min) {
            params.put("value", min.value());
            return MIN;
        }
        if (constraint instanceof Max max) {
            params.put("value", max.value());
            return MAX;
        }
        if (constraint instanceof DecimalMin min) {
            params.put("value", number(min.value()));
            params.put("inclusive", min.inclusive());
            return MIN;
        }
        if (constraint instanceof DecimalMax max) {
            params.put("value", number(max.value()));
            params.put("inclusive", max.inclusive());
            return MAX;
        }
        if (constraint instanceof Digits digits) {
            params.put("integer", digits.integer());
            params.put("fraction", digits.fraction());
            return DIGITS;
        }
        return WITHOUT_PARAMS.getOrDefault(constraint.annotationType(), INVALID);
    }

    private static boolean isMany(Object value) {
        return value instanceof Collection<?> || value instanceof Map<?, ?> || (value != null && value.getClass().isArray());
    }

    /** A decimal bound as a JSON number where it is one (so clients can format it), else as sent. */
    private static Object number(String value) {
        try {
            BigDecimal decimal = new BigDecimal(value.strip());
            return decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? (Object) decimal.longValueExact() : decimal;
        } catch (NumberFormatException | ArithmeticException e) {
            return value;
        }
    }
}
