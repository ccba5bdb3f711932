package org.luoshi.workflow.evaluation.api;

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

/** The review of an evaluation report (审核评估报告): APPROVE, or RETURN with a comment for the evaluator. */
@EvaluationReviewForm.CommentRequiredForReturn
public record EvaluationReviewForm(
        @Schema(description = "APPROVE or RETURN") @NotNull EvaluationDecision decision,
        @Schema(description = "what the evaluator must change; required when the decision is RETURN") @Size(max = 5000) String comment) {

    /** A RETURN needs a non-blank comment; the violation names the field {@code comment}. */
    @Documented
    @ViolationCode(ViolationCodes.REQUIRED)
    @Constraint(validatedBy = CommentRequiredForReturn.Validator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface CommentRequiredForReturn {
        String message() default "is required when the decision is RETURN";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<CommentRequiredForReturn, EvaluationReviewForm> {
            @Override
            public boolean isValid(EvaluationReviewForm form, ConstraintValidatorContext context) {
                if (form == null || form.decision() != EvaluationDecision.RETURN
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
