package io.filestore.data.repository.query;

import java.util.List;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.parser.PartTree;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.query.Condition;
import io.filestore.query.Plan;
import io.filestore.query.Query;

/**
 * A derived query method ({@code findByEmail}, {@code countByStatus}, {@code deleteByEmail},
 * {@code findTop10ByAgeGreaterThanOrderByAgeDesc}): its name is parsed once, when the repository is
 * created (an unsupported keyword fails then), and each call runs a FileStore {@link Query}, whose
 * planner uses the indexes.
 */
public class PartTreeFileStoreQuery implements RepositoryQuery {

    private final QueryMethod method;
    private final FileStoreTemplate template;
    private final PartTree tree;
    private final PartTreeConditions conditions;
    private final Class<?> domainType;

    public PartTreeFileStoreQuery(QueryMethod method, FileStoreTemplate template) {
        this.method = method;
        this.template = template;
        this.domainType = method.getEntityInformation().getJavaType();
        this.tree = new PartTree(method.getName(), domainType);
        PartTreeConditions.check(tree, method.toString());
        this.conditions = new PartTreeConditions(template.converter());
    }

    @Override
    public Object execute(Object[] parameters) {
        ParametersParameterAccessor arguments = new ParametersParameterAccessor(method.getParameters(), parameters);
        Object result = run(query(arguments), arguments.getPageable());
        return method.getResultProcessor().withDynamicProjection(arguments).processResult(result);
    }

    /** How a call with these arguments would find its records (for tests and troubleshooting). */
    public Plan explain(Object... parameters) {
        return query(new ParametersParameterAccessor(method.getParameters(), parameters)).explain();
    }

    private Query query(ParametersParameterAccessor arguments) {
        Condition where = template.translate(() -> conditions.create(tree, arguments.iterator()));
        Query query = template.query(domainType);
        if (where != null) {
            query = query.where(where);
        }
        Pageable pageable = arguments.getPageable();
        Sort sort = tree.getSort().and(arguments.getSort());
        if (pageable.isPaged()) {
            sort = sort.and(pageable.getSort());
        }
        query = Sorting.apply(query, sort, domainType, template.converter());
        return limited(query, arguments.getLimit());
    }

    private Query limited(Query query, Limit limit) {
        Query limited = query;
        if (tree.isLimiting()) {
            limited = limited.limit(tree.getMaxResults());
        }
        if (limit.isLimited()) {
            limited = limited.limit(tree.isLimiting() ? Math.min(tree.getMaxResults(), limit.max()) : limit.max());
        }
        return limited;
    }

    private Object run(Query query, Pageable pageable) {
        if (tree.isCountProjection()) {
            return template.count(query);
        }
        if (tree.isExistsProjection()) {
            return template.translate(query::exists);
        }
        if (tree.isDelete()) {
            return delete(query);
        }
        if (method.isPageQuery()) {
            List<?> content = template.find(page(query, pageable, 0), domainType);
            long total = pageable.isPaged() ? template.count(query) : content.size();
            return new PageImpl<>(content, pageable, total);
        }
        if (method.isSliceQuery()) {
            List<Object> content = List.copyOf(template.find(page(query, pageable, 1), domainType));
            boolean more = pageable.isPaged() && content.size() > pageable.getPageSize();
            return new SliceImpl<Object>(more ? content.subList(0, pageable.getPageSize()) : content, pageable, more);
        }
        if (method.isStreamQuery()) {
            return template.find(query, domainType).stream();
        }
        if (method.isCollectionQuery()) {
            return template.find(page(query, pageable, 0), domainType);
        }
        // two rows tell "one" from "more than one"; a First/Top method has its own limit already
        List<?> found = template.find(tree.isLimiting() ? query : query.limit(2), domainType);
        if (found.size() > 1) {
            throw new IncorrectResultSizeDataAccessException("Query method " + method.getName() + " expected one "
                    + domainType.getSimpleName() + " but found more", 1);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static Query page(Query query, Pageable pageable, int extra) {
        return pageable.isPaged() ? query.offset(pageable.getOffset()).limit(pageable.getPageSize() + extra) : query;
    }

    /** Deletes the matches in one transaction; returns them or their number, as the method declares. */
    private Object delete(Query query) {
        List<?> matches = template.store().callInTransaction(tx -> {
            List<?> found = template.find(query, domainType);
            found.forEach(template::delete);
            return found;
        });
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
