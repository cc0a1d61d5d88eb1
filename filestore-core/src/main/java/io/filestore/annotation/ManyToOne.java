package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.filestore.relation.OnDelete;

/**
 * A reference to one record of another collection, stored as that record's id. On a {@code String}
 * field the id is the value; on a field of the referenced type, the document stores the id and reading
 * loads the referenced entity eagerly (one lookup by id). The field is indexed automatically, and a
 * relationship {@code <collection>.<field>} is defined so the other side can list its referrers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToOne {

    /** The referenced entity class; may be left out on a field of that type. */
    Class<?> value() default void.class;

    /** What deleting the referenced record does to the records that refer to it. */
    OnDelete onDelete() default OnDelete.NOTHING;
}
