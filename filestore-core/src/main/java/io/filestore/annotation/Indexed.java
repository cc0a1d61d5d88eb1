package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Indexes a field: lookups and derived queries on it use the index, and its index file is written
 * under {@code <collection>/indices/<field>.jsonl}. Settings in {@code application.yml} add to these.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface Indexed {

    /** Whether two records may not share a value (a {@code DuplicateKeyException} then). */
    boolean unique() default false;
}
