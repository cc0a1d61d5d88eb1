package io.filestore.data.repository.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;

import io.filestore.data.repository.support.FileStoreRepositoryFactoryBean;

/**
 * Enables FileStore repositories: interfaces extending {@link io.filestore.data.repository.FileStoreRepository}
 * in the annotated class's package (or the given ones) become beans. Spring Boot applications need not
 * use it: the auto-configuration does the same for the application's packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(FileStoreRepositoriesRegistrar.class)
public @interface EnableFileStoreRepositories {

    /** Alias for {@link #basePackages()}. */
    String[] value() default {};

    /** Packages to scan for repositories. */
    String[] basePackages() default {};

    /** Classes whose packages are scanned for repositories. */
    Class<?>[] basePackageClasses() default {};

    /** Which types are repositories, among those found. */
    Filter[] includeFilters() default {};

    /** Which types are not repositories. */
    Filter[] excludeFilters() default {};

    /** The suffix of custom implementation classes. */
    String repositoryImplementationPostfix() default "Impl";

    /** Where named queries are (FileStore derives every query from its method name). */
    String namedQueriesLocation() default "";

    /** How queries are found; FileStore always derives them. */
    QueryLookupStrategy.Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

    /** The factory bean of each repository. */
    Class<?> repositoryFactoryBeanClass() default FileStoreRepositoryFactoryBean.class;

    /** A base class for repositories other than the default. */
    Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

    /** Whether interfaces nested in other classes are repositories too. */
    boolean considerNestedRepositories() default false;

    /** When repositories are created. */
    BootstrapMode bootstrapMode() default BootstrapMode.DEFAULT;
}
