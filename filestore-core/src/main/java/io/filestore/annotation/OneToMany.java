package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The records of another collection that refer to this one through their {@link ManyToOne} field
 * {@code mappedBy}. Never stored: filled on read, eagerly, from the relationship's index (the referring
 * entities themselves do not resolve their own references further).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface OneToMany {

    /** The referring entity's field that holds this record's id. */
    String mappedBy();
}
