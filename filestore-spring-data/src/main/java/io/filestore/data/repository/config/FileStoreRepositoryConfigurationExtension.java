package io.filestore.data.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;

import io.filestore.annotation.Document;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.data.repository.support.FileStoreRepositoryFactoryBean;

/**
 * Tells Spring Data which repositories are FileStore's (those extending {@link FileStoreRepository},
 * or over a {@link Document} class, when several Spring Data modules are present) and how to build them.
 */
public class FileStoreRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

    @Override
    public String getModuleName() {
        return "FileStore";
    }

    /**
     * Only there because the superclass still declares it abstract; Spring Data reads
     * {@link #getModuleIdentifier()} ({@code filestore}, from {@link #getModuleName()}) instead.
     *
     * @deprecated as the method it implements: use {@link #getModuleIdentifier()}
     */
    @Override
    @Deprecated
    protected String getModulePrefix() {
        return getModuleIdentifier();
    }

    @Override
    public String getRepositoryFactoryBeanClassName() {
        return FileStoreRepositoryFactoryBean.class.getName();
    }

    @Override
    protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
        return List.of(Document.class);
    }

    @Override
    protected Collection<Class<?>> getIdentifyingTypes() {
        return List.of(FileStoreRepository.class);
    }
}
