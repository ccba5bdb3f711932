package org.luoshi.common.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link ViolationCodes code} of a custom Bean Validation constraint: put it on the constraint annotation
 * (e.g. a "comment is required when rejecting" rule is {@code @ViolationCode(ViolationCodes.REQUIRED)}), so that its
 * violations reach clients with that code instead of {@value ViolationCodes#INVALID}.
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ViolationCode {
    String value();
}
