package io.filestore.boot.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.StorageException;
import io.filestore.boot.autoconfigure.data.EntityOptions;
import io.filestore.boot.autoconfigure.data.FileStoreEntities;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.spi.SharedStorage;

/**
 * Auto-configuration of a {@link FileStore} from the {@code filestore.*} properties. Backs off when
 * the application defines its own {@code FileStore}. {@link FileStoreOptionsBuilderCustomizer},
 * {@link FileStoreCollectionCustomizer} and {@link FileStoreJsonMapperCustomizer} beans change the
 * options built from the properties (for a custom persister, Jackson module or I/O layer); a
 * {@link FileStoreOptions} bean of the application's own replaces the properties and the customizers.
 * With {@code filestore.shared.enabled=true} the store is shared through PostgreSQL
 * ({@link FileStoreSharedConfiguration}).
 */
@AutoConfiguration
@ConditionalOnClass(FileStore.class)
@EnableConfigurationProperties(FileStoreProperties.class)
@ImportRuntimeHints(FileStorePropertiesRuntimeHints.class)
@Import(FileStoreSharedConfiguration.class)
public final class FileStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean({FileStoreOptions.class, FileStore.class})
    FileStoreOptions fileStoreOptions(FileStoreProperties properties, Environment environment,
                                      ObjectProvider<FileStoreOptionsBuilderCustomizer> options,
                                      ObjectProvider<FileStoreCollectionCustomizer> collections,
                                      ObjectProvider<FileStoreJsonMapperCustomizer> jsonMapper,
                                      ObjectProvider<FileStoreMappingContext> mapping,
                                      ObjectProvider<FileStoreEntities> entities,
                                      ObjectProvider<SharedStorage> sharedStorage, ResourceLoader resourceLoader) {
        List<String> entityCollections = entityCollections(mapping, entities);
        SharedStorage shared = properties.getShared().isEnabled() ? sharedStorage.getIfAvailable() : null;
        if (properties.getShared().isEnabled() && shared == null) {
            throw SharedStorageFromProperties.missingModule(environment,
                    SharedStorageFromProperties.modulePresent(resourceLoader.getClassLoader()));
        }
        OptionsFromProperties.Customizers customizers = new OptionsFromProperties.Customizers(
                options.orderedStream().toList(), collections.orderedStream().toList(), jsonMapper.orderedStream().toList());
        FileStoreOptions built = OptionsFromProperties.build(properties, environment, customizers, entityCollections,
                shared);
        OptionsFromProperties.warnNearMisses(properties.getCollections().keySet(), entityCollections);
        return built;
    }

    /**
     * The store, with the collections of the application's {@code @Document} entities merged into the
     * options (their indexes must be declared before it opens); every collection's settings are logged.
     * A data folder it cannot use fails startup with a report naming {@code filestore.data-dir}.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    FileStore fileStore(FileStoreOptions options, ObjectProvider<FileStoreMappingContext> mapping,
                        ObjectProvider<FileStoreEntities> entities, FileStoreProperties properties,
                        Environment environment) {
        FileStoreMappingContext context = mapping.getIfAvailable();
        FileStoreEntities found = entities.getIfAvailable();
        FileStoreOptions merged = context == null || found == null ? options : EntityOptions.merge(options, context, found);
        EntityOptions.log(merged);
        try {
            return ReopenableFileStore.open(merged);
        } catch (StorageException e) {
            throw DataDirProblem.explain(e, merged.dataDir(), properties, environment);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(FileStore.class)
    FileStoreLifecycle fileStoreLifecycle(FileStore fileStore) {
        return new FileStoreLifecycle(fileStore);
    }

    private static List<String> entityCollections(ObjectProvider<FileStoreMappingContext> mapping,
                                                  ObjectProvider<FileStoreEntities> entities) {
        FileStoreMappingContext context = mapping.getIfAvailable();
        FileStoreEntities found = entities.getIfAvailable();
        return context == null || found == null ? List.of() : EntityOptions.collectionNames(context, found);
    }
}
