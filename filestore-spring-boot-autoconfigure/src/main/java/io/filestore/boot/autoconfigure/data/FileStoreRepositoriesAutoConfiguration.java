package io.filestore.boot.autoconfigure.data;

import java.lang.annotation.Annotation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.data.repository.config.EnableFileStoreRepositories;
import io.filestore.data.repository.config.FileStoreRepositoryConfigurationExtension;
import io.filestore.data.repository.support.FileStoreRepositoryFactoryBean;

/**
 * Turns the application's {@link FileStoreRepository} interfaces into beans, as
 * {@link EnableFileStoreRepositories} would on the application's packages. Off with
 * {@code filestore.repositories.enabled=false}; backs off when the application enables repositories itself.
 */
@AutoConfiguration(after = FileStoreDataAutoConfiguration.class)
@ConditionalOnClass(FileStoreRepository.class)
@ConditionalOnBean(FileStoreTemplate.class)
@ConditionalOnMissingBean(FileStoreRepositoryFactoryBean.class)
@ConditionalOnBooleanProperty(name = "filestore.repositories.enabled", matchIfMissing = true)
@Import(FileStoreRepositoriesAutoConfiguration.Registrar.class)
public final class FileStoreRepositoriesAutoConfiguration {

    static final class Registrar extends AbstractRepositoryConfigurationSourceSupport {

        @Override
        protected Class<? extends Annotation> getAnnotation() {
            return EnableFileStoreRepositories.class;
        }

        @Override
        protected Class<?> getConfiguration() {
            return Enabled.class;
        }

        @Override
        protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
            return new FileStoreRepositoryConfigurationExtension();
        }

        @EnableFileStoreRepositories
        private static final class Enabled {
        }
    }
}
