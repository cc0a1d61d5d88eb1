package io.filestore.sample.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An id FileStore can store ({@link io.filestore.spi.RecordFileNames}): not empty, no control
 * characters, well-formed UTF-16, not too long once encoded as a file name. On a {@code @PathVariable},
 * Spring MVC checks it before the handler runs, so an id the store refuses is a 400 on every method, a
 * read included, where the store itself would only find nothing.
 */
@Documented
@Constraint(validatedBy = StorableIdValidator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableId {

    String message() default "is not an id FileStore can store";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
