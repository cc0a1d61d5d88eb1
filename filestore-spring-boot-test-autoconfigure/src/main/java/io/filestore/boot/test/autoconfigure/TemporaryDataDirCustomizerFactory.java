package io.filestore.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives every context of a test with {@link AutoConfigureFileStore} (so every {@link FileStoreTest}) its
 * own temporary data folder, deleted when the context closes. The folder takes precedence over every {@code filestore.data-dir} the application's environment
 * holds ({@code application.yml}, a profile's file, environment variables, system properties, command-line
 * arguments): a test must never open the application's real data. Only a test that declares the folder
 * itself (the slice annotation's {@code properties}, {@code @TestPropertySource},
 * {@code @DynamicPropertySource}) gets the folder it declares.
 */
class TemporaryDataDirCustomizerFactory implements ContextCustomizerFactory {

    static final String DATA_DIR = "filestore.data-dir";

    /** The name Spring's test framework gives to the values of {@code @DynamicPropertySource} methods. */
    private static final String DYNAMIC_TEST_PROPERTIES = "Dynamic Test Properties";

    private static final Log logger = LogFactory.getLog(TemporaryDataDirCustomizerFactory.class);

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        // searches enclosing classes too: a @Nested class of a @FileStoreTest is one as well
        return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureFileStore.class)
                ? new TemporaryDataDir() : null;
    }

    private static final class TemporaryDataDir implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            if (declaredByTheTest(context, configuration)) {
                return;
            }
            Path folder = createFolder();
            ConfigurableEnvironment environment = context.getEnvironment();
            // bound, not read: FILESTORE_DATA_DIR counts too, and a placeholder that does not resolve cannot throw
            logIgnored(Binder.get(environment).bind(DATA_DIR, String.class).orElse(null), folder);
            // first: above the application's configuration, system properties and environment variables
            environment.getPropertySources().addFirst(new MapPropertySource("filestoreTestDataDir",
                    Map.of(DATA_DIR, folder.toString())));
            // registered before every bean, so destroyed after all of them: the store has closed by then
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("filestoreTestDataDirCleanup", () -> delete(folder));
            }
        }

        /**
         * Whether the test's own property sources set the folder: the inlined properties (the slice
         * annotation's {@code properties} and {@code @TestPropertySource}'s), {@code @TestPropertySource}
         * files, and {@code @DynamicPropertySource} values when Spring has added them already (when it adds
         * them later, it adds them first, above the temporary folder, so they win either way). They are read
         * into an environment of their own, so that nothing of the application's counts.
         */
        private static boolean declaredByTheTest(ConfigurableApplicationContext context,
                                                 MergedContextConfiguration configuration) {
            ConfigurableEnvironment application = context.getEnvironment();
            ConfigurableEnvironment declared = new AbstractEnvironment() {
                @Override
                public String resolveRequiredPlaceholders(String text) {
                    return application.resolveRequiredPlaceholders(text); // for @TestPropertySource locations
                }
            };
            TestPropertySourceUtils.addPropertySourcesToEnvironment(declared, context,
                    configuration.getPropertySourceDescriptors());
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(declared,
                    configuration.getPropertySourceProperties());
            PropertySource<?> dynamic = application.getPropertySources().get(DYNAMIC_TEST_PROPERTIES);
            if (dynamic != null) {
                declared.getPropertySources().addFirst(dynamic);
            }
            return Binder.get(declared).bind(DATA_DIR, String.class).isBound();
        }

        private static Path createFolder() {
            try {
                return Files.createTempDirectory("filestore-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary FileStore data folder", e);
            }
        }

        /** Says so when the configuration names a folder, so nobody wonders why the test data is not in it. */
        private static void logIgnored(String configured, Path folder) {
            if (configured != null && logger.isInfoEnabled()) {
                logger.info("FileStore test: data in the temporary folder " + folder + ", not in " + DATA_DIR + "="
                        + configured + " (a test may set " + DATA_DIR + " in its slice annotation's properties)");
            }
        }

        private static void delete(Path folder) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TemporaryDataDir;
        }

        @Override
        public int hashCode() {
            return TemporaryDataDir.class.hashCode();
        }
    }
}
