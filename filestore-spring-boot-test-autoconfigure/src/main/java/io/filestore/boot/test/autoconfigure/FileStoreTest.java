package io.filestore.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;

/**
 * A test of the FileStore layer alone, like {@code @DataMongoTest}: only FileStore, its Spring Data
 * support and the repositories are configured (no web layer, no other components), and the store lives
 * in a fresh temporary folder per test context, deleted when the context closes. Set
 * {@code filestore.data-dir} in {@link #properties()} to use a folder of your own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(FileStoreTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(FileStoreTypeExcludeFilter.class)
@ImportAutoConfiguration({FileStoreAutoConfiguration.class, FileStoreDataAutoConfiguration.class,
        FileStoreRepositoriesAutoConfiguration.class})
public @interface FileStoreTest {

    /** Properties in {@code key=value} form to add to the environment. */
    String[] properties() default {};

    /** Whether the default filters apply (they include no component: only FileStore's beans are made). */
    boolean useDefaultFilters() default true;

    /** Components to include in the context after all. */
    Filter[] includeFilters() default {};

    /** Components to leave out. */
    Filter[] excludeFilters() default {};
}
