package io.filestore.boot.autoconfigure.endpoint;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.FileStoreProperties;

/**
 * Auto-configuration of the {@code filestore} Actuator endpoint, shaped as Spring Boot's own data
 * endpoints are (Flyway's, Quartz's): present when the Actuator is on the classpath and the endpoint is
 * available (enabled, and exposed over HTTP or JMX), after the store's own auto-configuration.
 */
@AutoConfiguration(after = FileStoreAutoConfiguration.class)
@ConditionalOnClass({FileStore.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(FileStoreEndpoint.class)
public final class FileStoreEndpointAutoConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(FileStore.class)
    @ConditionalOnMissingBean
    FileStoreEndpoint fileStoreEndpoint(FileStore fileStore, FileStoreProperties properties) {
        return new FileStoreEndpoint(fileStore, properties.getBackup().getRoot());
    }
}
