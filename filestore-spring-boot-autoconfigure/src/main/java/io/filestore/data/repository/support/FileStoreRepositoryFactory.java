package io.filestore.data.repository.support;

import java.lang.reflect.Method;
import java.util.Optional;

import org.springframework.data.repository.core.support.PersistentEntityInformation;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ValueExpressionDelegate;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.repository.query.PartTreeFileStoreQuery;

/**
 * Creates repository proxies over a {@link FileStoreTemplate}, without Spring if you like:
 * {@code new FileStoreRepositoryFactory(template).getRepository(UserRepository.class)}. Query methods
 * are derived from their names and parsed when the repository is created, so a method FileStore
 * cannot answer fails then, not at its first call.
 */
public class FileStoreRepositoryFactory extends RepositoryFactorySupport {

    private final FileStoreTemplate template;

    public FileStoreRepositoryFactory(FileStoreTemplate template) {
        this.template = template;
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        FileStorePersistentEntity<?> entity = template.mappingContext().getRequiredPersistentEntity(metadata.getDomainType());
        return new PersistentEntityInformation<>(entity);
    }

    @Override
    protected Object getTargetRepository(RepositoryInformation information) {
        return getTargetRepositoryViaReflection(information, getEntityInformation(information), template);
    }

    @Override
    protected Class<?> getRepositoryBaseClass(RepositoryMetadata metadata) {
        return SimpleFileStoreRepository.class;
    }

    @Override
    protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.Key key,
                                                                   ValueExpressionDelegate delegate) {
        return Optional.of(this::resolveQuery);
    }

    private RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory projections,
                                         NamedQueries namedQueries) {
        return new PartTreeFileStoreQuery(new QueryMethod(method, metadata, projections, DefaultParameters::new), template);
    }
}
