package io.filestore.data.repository.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.core.EntityInformation;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.util.Assert;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.data.repository.query.ExampleConditions;
import io.filestore.data.repository.query.Sorting;
import io.filestore.query.Condition;
import io.filestore.query.Query;

/**
 * The repository behind every {@link FileStoreRepository} proxy. Lists come sorted by id unless a sort
 * is given; {@code saveAll} and the bulk deletes run in one transaction (all or nothing). Thread-safe.
 */
public class SimpleFileStoreRepository<T, ID> implements FileStoreRepository<T, ID> {

    private final EntityInformation<T, ID> entity;
    private final FileStoreTemplate template;

    public SimpleFileStoreRepository(EntityInformation<T, ID> entity, FileStoreTemplate template) {
        this.entity = entity;
        this.template = template;
    }

    @Override
    public <S extends T> S save(S value) {
        Assert.notNull(value, "Entity must not be null");
        return template.save(value, entity.getJavaType());
    }

    @Override
    public <S extends T> List<S> saveAll(Iterable<S> values) {
        Assert.notNull(values, "The given Iterable of entities must not be null");
        return inTransaction(() -> {
            List<S> saved = new ArrayList<>();
            values.forEach(value -> saved.add(template.save(value, entity.getJavaType())));
            return saved;
        });
    }

    @Override
    public Optional<T> findById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        return template.findById(id, entity.getJavaType());
    }

    @Override
    public boolean existsById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        return template.existsById(id, entity.getJavaType());
    }

    @Override
    public List<T> findAll() {
        return template.findAll(entity.getJavaType());
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Assert.notNull(ids, "The given Iterable of ids must not be null");
        List<T> found = new ArrayList<>();
        ids.forEach(id -> findById(id).ifPresent(found::add));
        return found;
    }

    @Override
    public long count() {
        return template.count(entity.getJavaType());
    }

    @Override
    public void deleteById(ID id) {
        Assert.notNull(id, "The given id must not be null");
        template.deleteById(id, entity.getJavaType());
    }

    @Override
    public void delete(T value) {
        Assert.notNull(value, "The given entity must not be null");
        template.delete(value);
    }

    @Override
    public void deleteAllById(Iterable<? extends ID> ids) {
        Assert.notNull(ids, "The given Iterable of ids must not be null");
        inTransaction(() -> {
            ids.forEach(this::deleteById);
            return null;
        });
    }

    @Override
    public void deleteAll(Iterable<? extends T> values) {
        Assert.notNull(values, "The given Iterable of entities must not be null");
        inTransaction(() -> {
            values.forEach(this::delete);
            return null;
        });
    }

    @Override
    public void deleteAll() {
        template.deleteAll(entity.getJavaType());
    }

    @Override
    public List<T> findAll(Sort sort) {
        Assert.notNull(sort, "Sort must not be null; use Sort.unsorted()");
        return template.find(Sorting.apply(query(), sort, entity.getJavaType(), template.converter()), entity.getJavaType());
    }

    @Override
    public Page<T> findAll(Pageable pageable) {
        Assert.notNull(pageable, "Pageable must not be null; use Pageable.unpaged()");
        return page(query(), pageable, entity.getJavaType());
    }

    @Override
    public <S extends T> Optional<S> findOne(Example<S> example) {
        return findBy(example, FluentQuery.FetchableFluentQuery::one);
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example) {
        return findBy(example, FluentQuery.FetchableFluentQuery::all);
    }

    @Override
    public <S extends T> List<S> findAll(Example<S> example, Sort sort) {
        Assert.notNull(sort, "Sort must not be null; use Sort.unsorted()");
        return findBy(example, query -> query.sortBy(sort).all());
    }

    @Override
    public <S extends T> Page<S> findAll(Example<S> example, Pageable pageable) {
        Assert.notNull(pageable, "Pageable must not be null; use Pageable.unpaged()");
        return findBy(example, query -> query.page(pageable));
    }

    @Override
    public <S extends T> long count(Example<S> example) {
        return findBy(example, FluentQuery.FetchableFluentQuery::count);
    }

    @Override
    public <S extends T> boolean exists(Example<S> example) {
        return findBy(example, FluentQuery.FetchableFluentQuery::exists);
    }

    @Override
    public <S extends T, R> R findBy(Example<S> example, Function<FluentQuery.FetchableFluentQuery<S>, R> queryFunction) {
        Assert.notNull(example, "Example must not be null");
        Assert.notNull(queryFunction, "Query function must not be null");
        Condition where = ExampleConditions.of(example, template.converter(), entity.getJavaType());
        Query query = where == null ? query() : query().where(where);
        @SuppressWarnings("unchecked")
        Class<S> type = (Class<S>) example.getProbeType();
        return queryFunction.apply(new ExampleFluentQuery<>(template, query, type, type, Sort.unsorted(), 0));
    }

    /** A page of the query's results, with the total count. */
    static <S> Page<S> page(FileStoreTemplate template, Query query, Pageable pageable, Class<S> type) {
        Query sorted = Sorting.apply(query, pageable.getSort(), type, template.converter());
        if (pageable.isUnpaged()) {
            return new PageImpl<>(template.find(sorted, type));
        }
        List<S> content = template.find(sorted.offset(pageable.getOffset()).limit(pageable.getPageSize()), type);
        return new PageImpl<>(content, pageable, template.count(query));
    }

    private <S> Page<S> page(Query query, Pageable pageable, Class<S> type) {
        return page(template, query, pageable, type);
    }

    private Query query() {
        return template.query(entity.getJavaType());
    }

    private <R extends @Nullable Object> R inTransaction(Supplier<R> work) {
        return template.translate(() -> template.store().callInTransaction(tx -> work.get()));
    }
}
