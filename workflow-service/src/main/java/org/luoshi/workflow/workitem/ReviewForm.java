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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.common.problem.ViolationCode;
import org.luoshi.common.problem.ViolationCodes;

/** The review of a milestone report (督查室审核): APPROVE, or REJECT with a comment. */
@ReviewForm.CommentRequiredForReject
public record ReviewForm(
        @Schema(description = "APPROVE or REJECT") @NotNull ReviewDecision decision,
        @Schema(description = "why the report is rejected; required when the decision is REJECT") @Size(max = 2000) String comment) {

    /** A REJECT needs a non-blank comment; the violation names the field {@code comment}. */
    @Documented
    @ViolationCode(ViolationCodes.REQUIRED)
    @Constraint(validatedBy = CommentRequiredForReject.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface CommentRequiredForReject {
        String message() default "is required when the decision is REJECT";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CommentRequiredForReject, ReviewForm> {
            @Override
            public boolean isValid(ReviewForm form, ConstraintValidatorContext context) {
                if (form == null || form.decision() != ReviewDecision.REJECT
                        || (form.comment() != null && !form.comment().isBlank())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("comment").addConstraintViolation();
                return false;
            }
        }
    }
}
