package io.filestore.boot.autoconfigure.data;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.TransactionManager;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.data.convert.FileStoreCustomConversions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.transaction.FileStoreTransactionManager;

/**
 * Spring Data support: the application's {@code @Document} entities (whose indexes join the store's
 * collections before it opens), their mapping, the {@link FileStoreTemplate} repositories use, and the
 * {@link FileStoreTransactionManager}. The template, as a bean, publishes its lifecycle events to the
 * context and runs the context's {@code EntityCallback}s (auditing among them).
 *
 * <p>The transaction manager follows Spring Boot's rule for stores: it never displaces another one.
 * It is the bean {@value #TRANSACTION_MANAGER}, and when no other transaction manager exists it is
 * also the application's default ({@code transactionManager}, used by a plain {@code @Transactional}
 * and by Boot's {@code TransactionTemplate}). When another exists (JDBC's, JPA's, JTA's, one of the
 * application's), that one stays the default and FileStore's is used by name only
 * ({@code @Transactional("fileStoreTransactionManager")}): it is then not a default candidate, so it
 * neither takes part in injection by type nor counts for other auto-configurations' conditions. So
 * that those managers are registered first, this runs after the auto-configurations that make them,
 * and before {@link TransactionAutoConfiguration}, which enables {@code @Transactional} once a
 * transaction manager exists.
 */
@AutoConfiguration(after = {FileStoreAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
        JtaAutoConfiguration.class},
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.neo4j.autoconfigure.DataNeo4jAutoConfiguration",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"},
        before = TransactionAutoConfiguration.class)
@ConditionalOnClass(FileStoreTemplate.class)
public final class FileStoreDataAutoConfiguration {

    /** The name of FileStore's transaction manager bean, whether or not it is the default one. */
    public static final String TRANSACTION_MANAGER = "fileStoreTransactionManager";

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
        return new MappingFileStoreConverter(context, configured != null ? configured.jsonMapper() : FileStoreOptions.defaultJsonMapper(),
                conversions);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(FileStore.class)
    FileStoreTemplate fileStoreTemplate(FileStore store, MappingFileStoreConverter converter, FileStoreEntities entities) {
        return new FileStoreTemplate(store, converter, entities.classes());
    }

    /** FileStore's transaction manager, unless the application defines one; which role it takes is above. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(FileStore.class)
    @ConditionalOnMissingBean(FileStoreTransactionManager.class)
    static class TransactionManagerConfiguration {

        /** The only transaction manager: the application's default, under Boot's name too. */
        @Bean(name = {TRANSACTION_MANAGER, "transactionManager"})
        @ConditionalOnMissingBean(TransactionManager.class)
        FileStoreTransactionManager defaultFileStoreTransactionManager(FileStore store,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            return customized(new FileStoreTransactionManager(store), customizers);
        }

        /** Next to another store's transaction manager: by name only. */
        @Bean(name = TRANSACTION_MANAGER, defaultCandidate = false)
        @ConditionalOnBean(TransactionManager.class)
        @ConditionalOnMissingBean(name = TRANSACTION_MANAGER)
        FileStoreTransactionManager fileStoreTransactionManager(FileStore store,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            return customized(new FileStoreTransactionManager(store), customizers);
        }

        /** {@code spring.transaction.default-timeout}, {@code rollback-on-commit-failure}, execution listeners. */
        private static FileStoreTransactionManager customized(FileStoreTransactionManager manager,
                ObjectProvider<TransactionManagerCustomizers> customizers) {
            customizers.ifAvailable(each -> each.customize(manager));
            return manager;
        }
    }
}
