package org.luoshi.workflow.workitem;

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

/**
 * A review form (督查室审核 of a milestone report or an adjustment, 审核评估报告): a decision, and a comment that is
 * required when the decision sends the work back, since whoever receives it must learn why.
 */
public interface Review {
    /** The decision, by the name the form carries. */
    Enum<?> decision();

    String comment();

    /** Whether the decision sends the work back (REJECT, RETURN). */
    boolean sendsBack();

    /** A decision that sends the work back needs a non-blank comment; the violation names the field {@code comment}. */
    @Documented
    @ViolationCode(ViolationCodes.REQUIRED)
    @Constraint(validatedBy = CommentRequiredToSendBack.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface CommentRequiredToSendBack {
        /** Replaced by "is required when the decision is &lt;decision&gt;", naming the form's decision. */
        String message() default "is required when the decision sends the work back";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CommentRequiredToSendBack, Review> {
            @Override
            public boolean isValid(Review form, ConstraintValidatorContext context) {
                if (form == null || !form.sendsBack() || (form.comment() != null && !form.comment().isBlank())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                // the decision is an enum constant's name: nothing in it is read as a message expression
                context.buildConstraintViolationWithTemplate("is required when the decision is " + form.decision().name())
                        .addPropertyNode("comment").addConstraintViolation();
                return false;
            }
        }
    }
}
