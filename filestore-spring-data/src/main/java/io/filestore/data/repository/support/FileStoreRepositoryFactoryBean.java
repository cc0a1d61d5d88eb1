package io.filestore.data.repository.support;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;

import io.filestore.data.core.FileStoreTemplate;

/** The Spring bean that makes a repository proxy from the context's {@link FileStoreTemplate}. */
public class FileStoreRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends RepositoryFactoryBeanSupport<T, S, ID> {

    private @Nullable FileStoreTemplate template;

    public FileStoreRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    @Autowired
    public void setTemplate(FileStoreTemplate template) {
        this.template = template;
        setMappingContext(template.mappingContext());
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory() {
        return new FileStoreRepositoryFactory(template);
    }

    @Override
    public void afterPropertiesSet() {
        if (template == null) {
            throw new IllegalStateException("No FileStoreTemplate for " + getObjectType().getName()
                    + "; is the FileStore auto-configuration (or @EnableFileStoreRepositories with a template bean) in place?");
        }
        super.afterPropertiesSet();
    }
}
