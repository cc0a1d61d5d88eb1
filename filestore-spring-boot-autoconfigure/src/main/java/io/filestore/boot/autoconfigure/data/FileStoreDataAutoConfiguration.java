package io.filestore.boot.autoconfigure.data;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.TransactionManager;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.data.convert.FileStoreCustomConversions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.transaction.FileStoreTransactionManager;
import io.filestore.json.Json;

/**
 * Spring Data support: the application's {@code @Document} entities (whose indexes join the store's
 * collections before it opens), their mapping, the {@link FileStoreTemplate} repositories use, and a
 * {@link FileStoreTransactionManager} for {@code @Transactional} unless the application has a
 * transaction manager of its own. The template, as a bean, publishes its lifecycle events to the
 * context and runs the context's {@code EntityCallback}s (auditing among them).
 */
@AutoConfiguration(after = FileStoreAutoConfiguration.class)
@ConditionalOnClass(FileStoreTemplate.class)
public final class FileStoreDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FileStoreEntities fileStoreEntities(ApplicationContext context) throws ClassNotFoundException {
        return FileStoreEntities.scan(context);
    }

    @Bean
    @ConditionalOnMissingBean
    FileStoreCustomConversions fileStoreCustomConversions() {
        return new FileStoreCustomConversions();
    }

    @Bean
    @ConditionalOnMissingBean
    FileStoreMappingContext fileStoreMappingContext(FileStoreEntities entities, FileStoreCustomConversions conversions) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        context.setManagedTypes(entities);
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        return context;
    }

    @Bean
    @ConditionalOnMissingBean
    MappingFileStoreConverter fileStoreConverter(FileStoreMappingContext context, FileStoreCustomConversions conversions,
                                                 ObjectProvider<FileStoreOptions> options) {
        FileStoreOptions configured = options.getIfAvailable();
        return new MappingFileStoreConverter(context, configured != null ? configured.jsonMapper() : Json.defaultMapper(),
                conversions);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(FileStore.class)
    FileStoreTemplate fileStoreTemplate(FileStore store, MappingFileStoreConverter converter, FileStoreEntities entities) {
        return new FileStoreTemplate(store, converter, entities.classes());
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    @ConditionalOnSingleCandidate(FileStore.class)
    FileStoreTransactionManager transactionManager(FileStore store) {
        return new FileStoreTransactionManager(store);
    }
}
