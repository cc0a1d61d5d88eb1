package io.filestore.boot.test.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every {@link FileStoreTest} context its own temporary data folder ({@code filestore.data-dir},
 * unless the test sets one), deleted when the context closes.
 */
class TemporaryDataDirCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        boolean slice = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(FileStoreTest.class);
        return slice ? new TemporaryDataDir() : null;
    }

    private static final class TemporaryDataDir implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
            Path folder;
            try {
                folder = Files.createTempDirectory("filestore-test-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary FileStore data folder", e);
            }
            // last: a filestore.data-dir the test sets itself wins
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("filestoreTestDataDir",
                    Map.of("filestore.data-dir", folder.toString())));
            // registered before every bean, so destroyed after all of them: the store has closed by then
            if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean("filestoreTestDataDirCleanup", () -> delete(folder));
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
