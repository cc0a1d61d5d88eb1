package io.filestore.boot.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;

/**
 * Auto-configuration of the {@code filestore} health component, when Boot's health contracts
 * ({@code spring-boot-health}, which the Actuator starter brings) are on the classpath. Turn it off
 * with {@code management.health.filestore.enabled=false}.
 */
@AutoConfiguration(after = FileStoreAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnSingleCandidate(FileStore.class)
public final class FileStoreHealthAutoConfiguration {

    // on the method, not the class: its condition class is read only once the class conditions passed
    @Bean
    @ConditionalOnEnabledHealthIndicator("filestore")
    @ConditionalOnMissingBean(name = "filestoreHealthIndicator")
    FileStoreHealthIndicator filestoreHealthIndicator(FileStore fileStore) {
        return new FileStoreHealthIndicator(fileStore);
    }
}
