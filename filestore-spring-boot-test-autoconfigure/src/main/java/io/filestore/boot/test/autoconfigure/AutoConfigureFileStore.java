package io.filestore.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * The auto-configuration of a FileStore test, for a test of another slice (say {@code @WebMvcTest} or
 * {@code @JsonTest}) that needs FileStore too; a test of the FileStore layer alone uses {@link FileStoreTest},
 * which carries this annotation.
 *
 * <p>It imports the store, its Spring Data support, the repositories and Spring's transaction
 * auto-configuration, as listed in
 * {@code META-INF/spring/io.filestore.boot.test.autoconfigure.AutoConfigureFileStore.imports}, and puts the
 * store in a temporary folder of its own per test context, deleted when the context closes. That folder wins
 * over every {@code filestore.data-dir} of the application ({@code application.yml}, a profile's file,
 * environment variables, system properties), so a test never opens the application's real data. A test that
 * sets {@code filestore.data-dir} itself (in its slice annotation's {@code properties},
 * {@code @TestPropertySource} or {@code @DynamicPropertySource}) gets the folder it sets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureFileStore {
}
