package io.filestore.boot.autoconfigure.metrics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Auto-configuration of the store's Micrometer meters, when Micrometer is on the classpath. Boot binds
 * every {@link MeterBinder} bean to the application's meter registries; without a registry the binder
 * stays unbound and costs nothing.
 */
@AutoConfiguration(after = FileStoreAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnSingleCandidate(FileStore.class)
public final class FileStoreMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FileStoreMetrics fileStoreMetrics(FileStore fileStore) {
        return new FileStoreMetrics(fileStore);
    }
}
