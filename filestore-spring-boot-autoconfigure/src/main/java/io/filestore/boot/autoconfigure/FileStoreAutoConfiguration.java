package io.filestore.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.data.EntityOptions;
import io.filestore.boot.autoconfigure.data.FileStoreEntities;
import io.filestore.data.mapping.FileStoreMappingContext;

/**
 * Auto-configuration of a {@link FileStore} from the {@code filestore.*} properties. Backs off when
 * the application defines its own {@code FileStore}; a {@link FileStoreOptions} bean of its own
 * replaces the properties (for a custom persister, Jackson mapper or I/O layer).
 */
@AutoConfiguration
@ConditionalOnClass(FileStore.class)
@EnableConfigurationProperties(FileStoreProperties.class)
public final class FileStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({FileStoreOptions.class, FileStore.class})
    FileStoreOptions fileStoreOptions(FileStoreProperties properties, Environment environment) {
        return OptionsFromProperties.build(properties, environment);
    }

    /**
     * The store, with the collections of the application's {@code @Document} entities merged into the
     * options (their indexes must be declared before it opens); every collection's settings are logged.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FileStore fileStore(FileStoreOptions options, ObjectProvider<FileStoreMappingContext> mapping,
                        ObjectProvider<FileStoreEntities> entities) {
        FileStoreMappingContext context = mapping.getIfAvailable();
        FileStoreEntities found = entities.getIfAvailable();
        FileStoreOptions merged = context == null || found == null ? options : EntityOptions.merge(options, context, found);
        EntityOptions.log(merged);
        return ReopenableFileStore.open(merged);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(FileStore.class)
    FileStoreLifecycle fileStoreLifecycle(FileStore fileStore) {
        return new FileStoreLifecycle(fileStore);
    }
}
