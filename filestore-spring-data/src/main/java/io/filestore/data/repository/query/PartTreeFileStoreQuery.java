package io.filestore.data.repository.query;

import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Parameters;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ResultProcessor;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.data.support.PageableExecutionUtils;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.query.Condition;
import io.filestore.query.Plan;
import io.filestore.query.Query;

/**
 * A derived query method ({@code findByEmail}, {@code countByStatus}, {@code deleteByEmail},
 * {@code findTop10ByAgeGreaterThanOrderByAgeDesc}): its name is parsed once, when the repository is
 * created (an unsupported keyword fails then), and each call runs a FileStore {@link Query}, whose
 * planner uses the indexes.
 *
 * <p>A {@code Top}/{@code First} method limits the result first; a {@code Pageable} then pages within
 * it, as Spring Data's reference has it: of five matches, {@code findTop3By...(PageRequest.of(1, 2))}
 * is one row of a total of three. A {@link org.springframework.data.domain.Window} method scrolls (see
 * {@link Scrolling}); there a {@code Top}/{@code First} or a {@link Limit} is the window's size.
 * Results are projected as the method declares (or as its {@code Class<T>} argument asks): interfaces
 * by Spring Data's proxies, classes and records by {@link DtoProjection}.
 */
public class PartTreeFileStoreQuery implements RepositoryQuery {

    private final QueryMethod method;
    private final FileStoreTemplate template;
    private final PartTree tree;
    private final PartTreeConditions conditions;
    private final Scrolling scrolling;
    private final Class<?> domainType;

    public PartTreeFileStoreQuery(QueryMethod method, FileStoreTemplate template) {
        this.method = method;
        this.template = template;
        this.domainType = method.getEntityInformation().getJavaType();
        this.tree = new PartTree(method.getName(), domainType);
        PartTreeConditions.check(tree, method.toString());
        this.conditions = new PartTreeConditions(template.converter());
        this.scrolling = new Scrolling(template);
    }

    @Override
    public Object execute(Object[] parameters) {
        ParametersParameterAccessor arguments = new ParametersParameterAccessor(method.getParameters(), parameters);
        ResultProcessor processor = method.getResultProcessor().withDynamicProjection(arguments);
        Object result = run(arguments, typeToRead(processor));
        return processor.processResult(result,
                new DtoProjection(processor.getReturnedType().getReturnedType(), template.converter()));
    }

    /**
     * How a call with these arguments would find its records (for tests and troubleshooting); for a
     * keyset window, the read past the position's value of the first sort key.
     */
    public Plan explain(Object... parameters) {
        ParametersParameterAccessor arguments = new ParametersParameterAccessor(method.getParameters(), parameters);
        if (method.isScrollQuery()) {
            return scrolling.explain(filtered(arguments), sort(arguments), position(arguments), windowSize(arguments),
                    domainType);
        }
        return rows(arguments, 0).of(sorted(arguments)).explain();
    }

    /**
     * The class records are read as: a subclass of the domain type when the method returns one (as
     * MongoDB does, a record of another type is then read as that subclass), else the domain type.
     */
    private Class<?> typeToRead(ResultProcessor processor) {
        Class<?> returned = processor.getReturnedType().getReturnedType();
        return returned != domainType && domainType.isAssignableFrom(returned) ? returned : domainType;
    }

    private Object run(ParametersParameterAccessor arguments, Class<?> readType) {
        if (tree.isCountProjection()) {
            return template.count(filtered(arguments));
        }
        if (tree.isExistsProjection()) {
            return template.translate(filtered(arguments)::exists);
        }
        if (tree.isDelete()) {
            return delete(rows(arguments, 0).of(sorted(arguments)));
        }
        if (method.isScrollQuery()) {
            return scrolling.window(filtered(arguments), sort(arguments), position(arguments), windowSize(arguments),
                    domainType);
        }
        Query sorted = sorted(arguments);
        if (method.isPageQuery()) {
            List<?> content = template.find(rows(arguments, 0).of(sorted), readType);
            return PageableExecutionUtils.getPage(content, pageable(arguments), () -> total(sorted));
        }
        if (method.isSliceQuery()) {
            int size = pageable(arguments).isPaged() ? pageable(arguments).getPageSize() : Integer.MAX_VALUE;
            List<Object> content = List.copyOf(template.find(rows(arguments, 1).of(sorted), readType));
            boolean more = content.size() > size;
            return new SliceImpl<>(more ? content.subList(0, size) : content, pageable(arguments), more);
        }
        if (method.isStreamQuery()) {
            return template.find(rows(arguments, 0).of(sorted), readType).stream();
        }
        if (method.isCollectionQuery()) {
            return template.find(rows(arguments, 0).of(sorted), readType);
        }
        // two rows tell "one" from "more than one"; a First/Top method has its own limit already
        List<?> found = template.find(tree.isLimiting() ? rows(arguments, 0).of(sorted) : sorted.limit(2), readType);
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException("Query method " + method.getName() + " expected one "
                    + domainType.getSimpleName() + " but found more", 1);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The query with the method's condition, neither sorted nor paged. */
    private Query filtered(ParametersParameterAccessor arguments) {
        Condition where = template.translate(() -> conditions.create(tree, arguments.iterator()));
        Query query = template.query(domainType);
        return where == null ? query : query.where(where);
    }

    /** The method name's order, then the Sort or Pageable argument's. */
    private Sort sort(ParametersParameterAccessor arguments) {
        Sort dynamic = arguments.getSort();
        return dynamic.isUnsorted() ? tree.getSort() : tree.getSort().and(dynamic);
    }

    private Query sorted(ParametersParameterAccessor arguments) {
        return Sorting.apply(filtered(arguments), sort(arguments), domainType, template.converter());
    }

    private Pageable pageable(ParametersParameterAccessor arguments) {
        return method.getParameters().hasPageableParameter() ? arguments.getPageable() : Pageable.unpaged();
    }

    private Limit limit(ParametersParameterAccessor arguments) {
        return method.getParameters().hasLimitParameter() ? arguments.getLimit() : Limit.unlimited();
    }

    /** How many matches count: all of them, or the first n of a Top/First method. */
    private long total(Query sorted) {
        long count = template.count(sorted);
        return tree.isLimiting() ? Math.min(count, tree.getMaxResults()) : count;
    }

    /** The rows a call reads: the Pageable's page or the Limit's first rows, within a Top/First method's. */
    private Rows rows(ParametersParameterAccessor arguments, int extra) {
        Pageable pageable = pageable(arguments);
        Limit limit = limit(arguments);
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        long count = pageable.isPaged() ? (long) pageable.getPageSize() + extra : Long.MAX_VALUE;
        if (limit.isLimited()) {
            count = Math.min(count, Math.max(0, limit.max()));
        }
        if (tree.isLimiting()) {
            count = Math.min(count, Math.max(0, tree.getMaxResults() - offset));
        }
        return new Rows(offset, count);
    }

    private record Rows(long offset, long count) {
        Query of(Query query) {
            Query skipped = offset == 0 ? query : query.offset(offset);
            return count == Long.MAX_VALUE ? skipped : skipped.limit(count);
        }
    }

    /** The window's start: the ScrollPosition argument, or the Pageable's offset. */
    private ScrollPosition position(ParametersParameterAccessor arguments) {
        Parameters<?, ?> parameters = method.getParameters();
        if (!parameters.hasScrollPositionParameter() && !arguments.getPageable().isPaged()) {
            return ScrollPosition.offset();
        }
        return arguments.getScrollPosition();
    }

    /** The window's size: the smallest of the Limit argument, the Pageable's page size and a Top/First. */
    private Limit windowSize(ParametersParameterAccessor arguments) {
        Limit size = limit(arguments);
        Pageable pageable = pageable(arguments);
        if (pageable.isPaged() && (size.isUnlimited() || pageable.getPageSize() < size.max())) {
            size = Limit.of(pageable.getPageSize());
        }
        if (tree.isLimiting() && (size.isUnlimited() || tree.getMaxResults() < size.max())) {
            size = Limit.of(tree.getMaxResults());
        }
        return size;
    }

    /** Deletes the matches in one transaction; returns them or their number, as the method declares. */
    private Object delete(Query query) {
        List<?> matches = template.translate(() -> template.store().callInTransaction(tx -> {
            List<?> found = template.find(query, domainType);
            found.forEach(template::delete);
            return found;
        }));
        Class<?> returned = method.getReturnedObjectType();
        if (method.isCollectionQuery()) {
            return matches;
        }
        if (returned == long.class || returned == Long.class || returned == int.class || returned == Integer.class) {
            return returned == int.class || returned == Integer.class ? (Object) matches.size() : (Object) (long) matches.size();
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    @Override
    public QueryMethod getQueryMethod() {
        return method;
    }
}
