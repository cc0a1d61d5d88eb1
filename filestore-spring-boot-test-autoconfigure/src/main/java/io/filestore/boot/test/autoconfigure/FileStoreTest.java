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
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test of the FileStore layer alone, like {@code @DataMongoTest}: only FileStore, its Spring Data
 * support, the repositories and transaction management are configured ({@link AutoConfigureFileStore}), no
 * web layer and none of the application's components, and the store lives in a temporary folder of its own
 * per test context, deleted when the context closes, whatever {@code filestore.data-dir} the application
 * configures. Set {@code filestore.data-dir} in {@link #properties()} to use a folder of your own.
 *
 * <p>As with {@code @DataMongoTest}, and unlike {@code @DataJpaTest}, test methods do not run in a
 * transaction: a FileStore transaction holds the store's writer lock until it ends and cannot be suspended,
 * so wrapping every test in one would block the writes of other threads and refuse the
 * {@code REQUIRES_NEW} of the code under test. Annotate the test class with {@code @Transactional} to have
 * each test method's writes rolled back at its end.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(FileStoreTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(FileStoreTypeExcludeFilter.class)
@AutoConfigureFileStore
@ImportAutoConfiguration
public @interface FileStoreTest {

    /** Properties in {@code key=value} form to add to the environment before the test runs. */
    String[] properties() default {};

    /** Whether the default filters apply (they include no component: only FileStore's beans are made). */
    boolean useDefaultFilters() default true;

    /** Components to include in the context after all. */
    Filter[] includeFilters() default {};

    /** Components to leave out. */
    Filter[] excludeFilters() default {};

    /** Auto-configuration classes to leave out of this test. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
