package io.filestore.data.repository.support;

import java.lang.reflect.Method;
import java.util.Optional;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.annotation.QueryAnnotation;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.PersistentEntityInformation;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.ValueExpressionDelegate;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.repository.query.PartTreeFileStoreQuery;

/**
 * Creates repository proxies over a {@link FileStoreTemplate}, without Spring if you like:
 * {@code new FileStoreRepositoryFactory(template).getRepository(UserRepository.class)}. Query methods
 * are derived from their names and parsed when the repository is created, so a method FileStore
 * cannot answer fails then, not at its first call, and so does an entity whose id type FileStore can
 * neither generate nor read back (see {@link FileStoreTemplate#checkIdType}). FileStore runs no query
 * strings: a method with a declared query (an annotation such as {@code @Query}, marked by Spring
 * Data's {@link QueryAnnotation}) or a named query, or a repository asking for
 * {@link QueryLookupStrategy.Key#USE_DECLARED_QUERY declared queries only}, is refused then too.
 */
public class FileStoreRepositoryFactory extends RepositoryFactorySupport {

    private final FileStoreTemplate template;

    public FileStoreRepositoryFactory(FileStoreTemplate template) {
        this.template = template;
    }

    @Override
    public EntityInformation<?, ?> getEntityInformation(RepositoryMetadata metadata) {
        FileStorePersistentEntity<?> entity = template.mappingContext().getRequiredPersistentEntity(metadata.getDomainType());
        template.checkIdType(metadata.getDomainType());
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
        return Optional.of((method, metadata, projections, namedQueries) -> {
            QueryMethod queryMethod = new QueryMethod(method, metadata, projections, DefaultParameters::new);
            refuseDeclaredQueries(key, method, queryMethod, namedQueries);
            return new PartTreeFileStoreQuery(queryMethod, template);
        });
    }

    private static void refuseDeclaredQueries(QueryLookupStrategy.Key key, Method method, QueryMethod queryMethod,
                                              NamedQueries namedQueries) {
        String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        String instead = "; FileStore runs no query strings: derive the query from the method name (findByEmail,"
                + " findTop10ByAgeGreaterThanOrderByAgeDesc) or write a repository fragment that uses FileStoreTemplate";
        MergedAnnotations annotations = MergedAnnotations.from(method);
        if (annotations.isPresent(QueryAnnotation.class)) {
            String declared = annotations.stream().filter(a -> a.getType().isAnnotationPresent(QueryAnnotation.class))
                    .map(a -> "@" + a.getType().getSimpleName()).findFirst().orElse("a query annotation");
            throw new IllegalStateException("Query method " + name + " declares its query with " + declared + instead);
        }
        if (namedQueries.hasQuery(queryMethod.getNamedQueryName())) {
            throw new IllegalStateException("Query method " + name + " has the named query '"
                    + queryMethod.getNamedQueryName() + "'" + instead);
        }
        if (key == QueryLookupStrategy.Key.USE_DECLARED_QUERY) {
            throw new IllegalStateException("Query method " + name + " cannot be answered with the query lookup strategy "
                    + key + " (declared queries only)" + instead + ", with the default strategy CREATE_IF_NOT_FOUND");
        }
    }
}
