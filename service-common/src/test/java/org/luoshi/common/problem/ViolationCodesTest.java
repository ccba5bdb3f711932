package org.luoshi.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.Response;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every Bean Validation constraint the services use reaches clients with its stable code and the params it needs. */
class ViolationCodesTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @ViolationCode(ViolationCodes.REQUIRED)
    @Constraint(validatedBy = NoteRequiredWhenRejecting.Check.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface NoteRequiredWhenRejecting {
        String message() default "is required when rejecting";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<NoteRequiredWhenRejecting, Form> {
            @Override
            public boolean isValid(Form form, ConstraintValidatorContext context) {
                if (!form.rejecting || form.note != null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("note").addConstraintViolation();
                return false;
            }
        }
    }

    @NoteRequiredWhenRejecting
    static class Form {
        @NotBlank
        String title = " ";
        @NotNull
        Integer percent;
        @NotEmpty
        List<String> departments = List.of();
        @Size(max = 5)
        String summary = "too long";
        @Size(min = 2, max = 4)
        String code = "x";
        @Size(max = 1)
        List<String> tags = List.of("a", "b");
        @Min(0)
        int low = -1;
        @Max(100)
        int high = 101;
        @DecimalMax(value = "99.5", inclusive = false)
        BigDecimal score = new BigDecimal("99.5");
        @Digits(integer = 3, fraction = 2)
        BigDecimal precise = new BigDecimal("1.234");
        @Positive
        long id = 0;
        @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date yyyy-MM-dd")
        String due = "tomorrow";
        boolean rejecting = true;
        String note;
    }

    private static Map<String, Problem.FieldError> errorsOf(Object bean) {
        Map<String, Problem.FieldError> byField = new TreeMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(bean)) {
            Problem.FieldError error = ViolationCodes.fieldError(ProblemMappers.fieldName(violation), violation);
            byField.put(error.field(), error);
        }
        return byField;
    }

    @Test
    void eachConstraintHasItsCodeAndParams() {
        Map<String, Problem.FieldError> errors = errorsOf(new Form());

        assertEquals(Set.of("title", "percent", "departments", "summary", "code", "tags", "low", "high", "score", "precise",
                "id", "due", "note"), errors.keySet());
        assertEquals("required", errors.get("title").code());
        assertEquals(Map.of(), errors.get("title").params());
        assertEquals("required", errors.get("percent").code());
        assertEquals("required", errors.get("departments").code());
        assertEquals("length", errors.get("summary").code());
        assertEquals(Map.of("max", 5), errors.get("summary").params(), "an unlimiting min of 0 is left out");
        assertEquals(Map.of("min", 2, "max", 4), errors.get("code").params());
        assertEquals("count", errors.get("tags").code(), "Size on a list counts entries, not characters");
        assertEquals(Map.of("max", 1), errors.get("tags").params());
        assertEquals("min", errors.get("low").code());
        assertEquals(Map.of("value", 0L), errors.get("low").params());
        assertEquals("max", errors.get("high").code());
        assertEquals(Map.of("value", 100L), errors.get("high").params());
        assertEquals("max", errors.get("score").code());
        assertEquals(Map.of("value", new BigDecimal("99.5"), "inclusive", false), errors.get("score").params());
        assertEquals("digits", errors.get("precise").code());
        assertEquals(Map.of("integer", 3, "fraction", 2), errors.get("precise").params());
        assertEquals("positive", errors.get("id").code());
        assertEquals("format", errors.get("due").code());
        assertEquals("must be a date yyyy-MM-dd", errors.get("due").message(), "the English message is kept");
        assertEquals("required", errors.get("note").code(), "a custom constraint declares its code with @ViolationCode");
    }

    @Test
    void theProblemCarriesCodeAndParamsBesideTheEnglishDetail() throws Exception {
        Set<ConstraintViolation<Object>> violations = validator.validate(new Form());
        Response response = new ProblemMappers().validation(new ConstraintViolationException(violations));
        JsonNode json = new ObjectMapper().valueToTree(response.getEntity());

        assertEquals(400, json.path("status").asInt());
        assertEquals(true, json.path("detail").asText().contains("summary: size must be between 0 and 5"), json.toString());
        JsonNode summary = null;
        for (JsonNode error : json.path("errors")) {
            if (error.path("field").asText().equals("summary")) {
                summary = error;
            }
        }
        assertEquals("size must be between 0 and 5", summary.path("message").asText());
        assertEquals("length", summary.path("code").asText());
        assertEquals(5, summary.path("params").path("max").asInt());
    }

    @Test
    void aDomainRuleNamesItsCodeOrIsInvalid() {
        Response coded = new ProblemMappers().invalidField(new InvalidFieldException("periodTo",
                "must not be before periodFrom 2026-01-01", ViolationCodes.NOT_BEFORE, Map.of("other", "periodFrom")));
        Problem problem = (Problem) coded.getEntity();
        assertEquals("periodTo: must not be before periodFrom 2026-01-01", problem.detail());
        assertEquals(List.of(new Problem.FieldError("periodTo", "must not be before periodFrom 2026-01-01", "notBefore",
                Map.of("other", "periodFrom"))), problem.errors());

        Problem plain = (Problem) new ProblemMappers().invalidField(new InvalidFieldException("to", "must be someone else"))
                .getEntity();
        assertEquals("invalid", plain.errors().get(0).code());
        assertEquals(Map.of(), plain.errors().get(0).params());
    }
}
