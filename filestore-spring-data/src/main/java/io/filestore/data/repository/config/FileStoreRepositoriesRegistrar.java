package io.filestore.data.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/** Registers the repositories {@link EnableFileStoreRepositories} asks for. */
class FileStoreRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

    @Override
    protected Class<? extends Annotation> getAnnotation() {
        return EnableFileStoreRepositories.class;
    }

    @Override
    protected RepositoryConfigurationExtension getExtension() {
        return new FileStoreRepositoryConfigurationExtension();
    }
}
