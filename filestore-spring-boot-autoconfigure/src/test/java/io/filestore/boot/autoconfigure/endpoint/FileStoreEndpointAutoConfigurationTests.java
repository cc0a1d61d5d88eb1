package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class FileStoreEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                    FileStoreEndpointAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void theEndpointIsThereOnceExposed() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "management.endpoints.web.exposure.include=filestore")
                .run(context -> assertThat(context).hasSingleBean(FileStoreEndpoint.class));
    }

    @Test
    void theEndpointIsAbsentWhenNotExposed() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> assertThat(context).doesNotHaveBean(FileStoreEndpoint.class));
    }

    @Test
    void theEndpointIsAbsentWithoutTheActuator() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "management.endpoints.web.exposure.include=filestore")
                .withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FileStoreEndpoint.class));
    }
}
