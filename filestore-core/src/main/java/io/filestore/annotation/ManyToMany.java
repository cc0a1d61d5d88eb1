package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.filestore.relation.OnDelete;

/**
 * Links to many records of another collection, each of which may be linked to many of this one. On a
 * collection of ids ({@code List<String> tagIds}) the ids are stored in the document as an array,
 * indexed, so the other side finds its records with one lookup. With {@code mappedBy}, the field is the
 * other side's view: never stored, filled on read from the records whose id array holds this id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ManyToMany {

    /** The entity class on the other side. */
    Class<?> value();

    /** For the inverse side: the other entity's id-array field that names this record. */
    String mappedBy() default "";

    /** What deleting a linked record on the other side does to the links (see {@link OnDelete}). */
    OnDelete onDelete() default OnDelete.NOTHING;
}
