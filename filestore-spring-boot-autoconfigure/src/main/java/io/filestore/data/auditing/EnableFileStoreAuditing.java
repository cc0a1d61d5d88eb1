package io.filestore.data.auditing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Sets {@code @CreatedDate}, {@code @LastModifiedDate}, {@code @CreatedBy} and {@code @LastModifiedBy}
 * properties when entities are saved. A record that does not exist yet is created (both dates set);
 * one that does is modified (and keeps its stored creation fields when the saved entity has none).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(FileStoreAuditingRegistrar.class)
public @interface EnableFileStoreAuditing {

    /** The bean name of the {@code AuditorAware} that gives the current user; none by default. */
    String auditorAwareRef() default "";

    /** Whether dates are set. */
    boolean setDates() default true;

    /** Whether a creation also sets the modification fields. */
    boolean modifyOnCreate() default true;

    /** The bean name of a {@code DateTimeProvider}; the current time by default. */
    String dateTimeProviderRef() default "";
}
