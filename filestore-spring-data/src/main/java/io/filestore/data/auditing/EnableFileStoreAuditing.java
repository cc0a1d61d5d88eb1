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
 * properties when entities are saved, through an {@link io.filestore.data.mapping.event.AuditingEntityCallback}
 * (a {@code BeforeConvertCallback}) over an {@code IsNewAwareAuditingHandler}, as Spring Data MongoDB's
 * {@code @EnableMongoAuditing} does. A new entity (Spring Data's rule: a {@code null} id, or a
 * {@code null} {@code @Version}, or {@code Persistable.isNew()}) is created (creation and, by default,
 * modification fields set); any other is modified, and keeps the stored creation fields when it has
 * none. Immutable entities get the fields through their withers. The current user comes from the
 * {@code AuditorAware} bean (named by {@link #auditorAwareRef()}, or the only one).
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
