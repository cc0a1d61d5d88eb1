package io.filestore.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances are records of a collection. Without a name, the collection is the
 * class's simple name with its first letter in lower case ({@code AuditLog} -> {@code auditLog}).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Document {

    /** The collection name; empty for the default. */
    String value() default "";
}
