package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a property is stored under in its record, when it is not the property's own name. Indexes,
 * derived queries, sorting, query by example and references all use the stored name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Field {

    /** The stored name; empty means the property's name. */
    String value() default "";
}
