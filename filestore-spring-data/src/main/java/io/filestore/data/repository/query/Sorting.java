package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.domain.Sort;

import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.query.Order;
import io.filestore.query.Query;

/**
 * Applies a Spring Data {@link Sort} to a FileStore query: ties by id, missing values last ascending and
 * first descending (an explicit other null handling, or ignoring case, is refused).
 */
public final class Sorting {

    private Sorting() {
    }

    /** The query sorted by the sort's properties, each by its stored name ({@code @Field}). */
    public static Query apply(Query query, Sort sort, Class<?> domainType, MappingFileStoreConverter converter) {
        if (sort != null && sort.isUnsorted()) {
            return query;
        }
        return query.orderBy(orders(sort, domainType, converter).toArray(Order[]::new));
    }

    /**
     * The sort's criteria as FileStore orders, each by its stored path.
     *
     * @throws IllegalArgumentException when the sort is null
     * @throws InvalidDataAccessApiUsageException when it ignores case or asks for other null handling
     */
    public static List<Order> orders(Sort sort, Class<?> domainType, MappingFileStoreConverter converter) {
        if (sort == null) {
            throw new IllegalArgumentException("Sort must not be null; use Sort.unsorted()");
        }
        List<Order> orders = new ArrayList<>();
        for (Sort.Order order : sort) {
            if (order.isIgnoreCase()) {
                throw new InvalidDataAccessApiUsageException("Sorting by " + order.getProperty()
                        + " ignoring case is not supported; FileStore sorts text by its characters");
            }
            Sort.NullHandling nulls = order.getNullHandling();
            boolean nullsFirst = !order.isAscending();
            if (nulls == Sort.NullHandling.NULLS_FIRST && !nullsFirst || nulls == Sort.NullHandling.NULLS_LAST && nullsFirst) {
                throw new InvalidDataAccessApiUsageException("Sorting by " + order.getProperty()
                        + " with " + nulls + " is not supported: FileStore sorts missing values last ascending and"
                        + " first descending, as SQL does by default");
            }
            String field = PartTreeConditions.storedPath(PropertyPath.from(order.getProperty(), domainType), converter);
            orders.add(new Order(field, order.isAscending()));
        }
        return orders;
    }
}
