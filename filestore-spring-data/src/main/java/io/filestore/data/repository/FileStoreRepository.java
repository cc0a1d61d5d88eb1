package io.filestore.data.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;

/**
 * A repository of entities stored in a FileStore collection: CRUD, paging and sorting, query by example
 * (every {@code findAll} a {@code List}), and derived query methods ({@code findByEmail}) that use the
 * collection's indexes whenever a condition allows. A {@code null} argument where Spring Data's
 * contracts forbid one (an id, an entity, a {@code Sort}, a {@code Pageable}, an {@code Example}) is an
 * {@link IllegalArgumentException}.
 *
 * @param <T>  the entity type, annotated with {@link io.filestore.annotation.Document}
 * @param <ID> the id type; String ids are generated when {@code null} on save
 */
@NoRepositoryBean
public interface FileStoreRepository<T, ID>
        extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID>, ListQueryByExampleExecutor<T> {
}
