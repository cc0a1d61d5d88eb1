package io.filestore.data.aot;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ManagedTypes;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.data.convert.FileStoreCustomConversions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreManagedTypes;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.config.EnableFileStoreRepositories;
import io.filestore.data.transaction.FileStoreTransactionManager;

/**
 * FileStore's Spring Data support without Spring Boot, as README describes it: the entity classes as a
 * {@link FileStoreManagedTypes} bean, the store, its mapping, the template, the repositories and the transaction
 * manager. Public, with public bean methods, because the code generated for it is compiled and loaded
 * apart from it. Counts how often the entity classes are listed, which the generated code must not do.
 */
@Configuration(proxyBeanMethods = false)
@EnableFileStoreRepositories(basePackageClasses = BookRepository.class)
@EnableTransactionManagement
public class AotApplication {

    /** How many times {@link #fileStoreManagedTypes()} ran. */
    public static final AtomicInteger ENTITY_LISTINGS = new AtomicInteger();

    @Bean
    public static FileStoreManagedTypes fileStoreManagedTypes() {
        ENTITY_LISTINGS.incrementAndGet();
        return FileStoreManagedTypes.from(Book.class);
    }

    @Bean(destroyMethod = "close")
    public FileStore fileStore(@Value("${filestore.data-dir}") Path dataDir) {
        return FileStore.open(FileStoreOptions.builder(dataDir).build());
    }

    @Bean
    public FileStoreMappingContext fileStoreMappingContext(ManagedTypes fileStoreManagedTypes) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        context.setManagedTypes(fileStoreManagedTypes);
        return context;
    }

    @Bean
    public FileStoreTemplate fileStoreTemplate(FileStore fileStore, FileStoreMappingContext fileStoreMappingContext,
                                               ManagedTypes fileStoreManagedTypes) {
        MappingFileStoreConverter converter = new MappingFileStoreConverter(fileStoreMappingContext,
                FileStoreOptions.defaultJsonMapper(), new FileStoreCustomConversions());
        return new FileStoreTemplate(fileStore, converter, fileStoreManagedTypes.toList());
    }

    @Bean
    public FileStoreTransactionManager transactionManager(FileStore fileStore) {
        return new FileStoreTransactionManager(fileStore);
    }
}
