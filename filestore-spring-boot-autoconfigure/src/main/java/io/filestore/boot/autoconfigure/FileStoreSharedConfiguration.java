package io.filestore.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.filestore.postgres.PostgresSharedStorage;
import io.filestore.spi.SharedStorage;

/**
 * The shared store's database when {@code filestore.shared.enabled=true} and the {@code filestore-postgres}
 * module is on the class path: a {@link PostgresSharedStorage} on {@code filestore.shared.url} when it is
 * set (connections of its own, apart from the application's pool), otherwise on the application's one
 * {@link DataSource} bean. A {@link SharedStorage} bean of the application's own replaces it. Without the
 * module, {@link FileStoreAutoConfiguration} fails startup naming the missing dependency.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(PostgresSharedStorage.class)
@ConditionalOnProperty(prefix = "filestore.shared", name = "enabled", havingValue = "true")
class FileStoreSharedConfiguration {

    /** The store closes it (and may open it again on a reopen), so the context does not. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean(SharedStorage.class)
    SharedStorage fileStoreSharedStorage(FileStoreProperties properties, Environment environment,
                                         ObjectProvider<DataSource> dataSources) {
        return SharedStorageFromProperties.build(properties.getShared(), environment, dataSources::getIfUnique);
    }
}
