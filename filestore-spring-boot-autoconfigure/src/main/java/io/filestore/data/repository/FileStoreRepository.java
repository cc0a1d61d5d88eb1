package io.filestore.data.repository;

import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.QueryByExampleExecutor;

/**
 * A repository of entities stored in a FileStore collection: CRUD, paging and sorting, query by example,
 * and derived query methods ({@code findByEmail}) that use the collection's indexes whenever a condition
 * allows.
 *
 * @param <T>  the entity type, annotated with {@link io.filestore.annotation.Document}
 * @param <ID> the id type; String ids are generated when {@code null} on save
 */
@NoRepositoryBean
public interface FileStoreRepository<T, ID>
        extends ListCrudRepository<T, ID>, ListPagingAndSortingRepository<T, ID>, QueryByExampleExecutor<T> {
}
