package org.luoshi.workflow.assignment.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.luoshi.common.problem.ViolationCode;
import org.luoshi.common.problem.ViolationCodes;

/** A RETURN decision needs a non-blank reason; the violation names the field {@code reason}. */
@Documented
@ViolationCode(ViolationCodes.REQUIRED)
@Constraint(validatedBy = ReasonRequiredForReturn.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReasonRequiredForReturn {
    String message() default "is required when the decision is RETURN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ReasonRequiredForReturn, CompleteRequest> {
        @Override
        public boolean isValid(CompleteRequest request, ConstraintValidatorContext context) {
            if (request == null || request.decision() != Decision.RETURN
                    || (request.reason() != null && !request.reason().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("reason")
                    .addConstraintViolation();
            return false;
        }
    }
}
