package io.filestore.data.repository.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.util.Assert;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.repository.query.DtoProjection;
import io.filestore.data.repository.query.Scrolling;
import io.filestore.data.repository.query.Sorting;
import io.filestore.query.Query;

/**
 * The fluent query of {@code findBy(Example, ...)}: sort, limit, scroll (the limit is the window's size;
 * see {@link Scrolling}), and map results to another type (an interface projection, or a class or
 * record built from the entity's properties of the same names, see {@link DtoProjection}).
 * {@code project} keeps only the named properties (and the id) of each result, as MongoDB's field
 * projection does; records are read whole from memory either way. Immutable.
 */
final class ExampleFluentQuery<S, R> implements FluentQuery.FetchableFluentQuery<R> {

    private static final SpelAwareProxyProjectionFactory PROJECTIONS = new SpelAwareProxyProjectionFactory();

    private final FileStoreTemplate template;
    private final Query query;
    private final Class<S> domainType;
    private final Class<R> resultType;
    private final Sort sort;
    private final int limit;
    private final List<String> projection;

    ExampleFluentQuery(FileStoreTemplate template, Query query, Class<S> domainType, Class<R> resultType, Sort sort,
                       int limit) {
        this(template, query, domainType, resultType, sort, limit, List.of());
    }

    private ExampleFluentQuery(FileStoreTemplate template, Query query, Class<S> domainType, Class<R> resultType, Sort sort,
                               int limit, List<String> projection) {
        this.projection = projection;
        this.template = template;
        this.query = query;
        this.domainType = domainType;
        this.resultType = resultType;
        this.sort = sort;
        this.limit = limit;
    }

    @Override
    public FetchableFluentQuery<R> sortBy(Sort by) {
        Assert.notNull(by, "Sort must not be null; use Sort.unsorted()");
        return new ExampleFluentQuery<>(template, query, domainType, resultType, sort.and(by), limit, projection);
    }

    @Override
    public FetchableFluentQuery<R> limit(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + max);
        }
        return new ExampleFluentQuery<>(template, query, domainType, resultType, sort, max, projection);
    }

    @Override
    public <N> FetchableFluentQuery<N> as(Class<N> type) {
        return new ExampleFluentQuery<>(template, query, domainType, type, sort, limit, projection);
    }

    @Override
    public FetchableFluentQuery<R> project(Collection<String> properties) {
        List<String> all = new ArrayList<>(projection);
        all.addAll(properties);
        return new ExampleFluentQuery<>(template, query, domainType, resultType, sort, limit, List.copyOf(all));
    }

    @Override
    public R oneValue() {
        List<R> found = fetch(sorted().limit(2));
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException("Expected one result but found more", 1);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public R firstValue() {
        List<R> found = fetch(sorted().limit(1));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<R> all() {
        return fetch(sorted());
    }

    @Override
    public Page<R> page(Pageable pageable) {
        Page<S> page = SimpleFileStoreRepository.page(template, Sorting.apply(limited(query), sort, domainType, template.converter()), pageable, domainType);
        return page.map(this::convert);
    }

    @Override
    public Window<R> scroll(ScrollPosition position) {
        Limit size = limit > 0 ? Limit.of(limit) : Limit.unlimited();
        return new Scrolling(template).window(query, sort, position, size, domainType).map(this::convert);
    }

    @Override
    public Stream<R> stream() {
        return all().stream();
    }

    @Override
    public long count() {
        long count = template.count(query);
        return limit > 0 ? Math.min(count, limit) : count;
    }

    @Override
    public boolean exists() {
        return template.translate(query::exists);
    }

    private Query sorted() {
        return limited(Sorting.apply(query, sort, domainType, template.converter()));
    }

    private Query limited(Query base) {
        return limit > 0 ? base.limit(limit) : base;
    }

    private List<R> fetch(Query run) {
        return template.find(run, domainType).stream().map(this::convert).toList();
    }

    @SuppressWarnings("unchecked")
    private R convert(S found) {
        S entity = projection.isEmpty() ? found : template.converter().onlyProperties(found, domainType, projection);
        if (resultType.isInstance(entity)) {
            return (R) entity;
        }
        if (resultType.isInterface()) {
            return PROJECTIONS.createProjection(resultType, entity);
        }
        return (R) new DtoProjection(resultType, template.converter()).convert(entity);
    }
}
