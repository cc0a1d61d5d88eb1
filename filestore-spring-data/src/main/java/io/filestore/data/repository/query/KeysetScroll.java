package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PersistentPropertyPath;
import org.springframework.util.ClassUtils;

import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.query.Condition;
import io.filestore.query.Order;
import io.filestore.query.Query;
import io.filestore.query.Where;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The reads of one keyset window. The sort is made total by the id (appended, ascending, unless the
 * sort names it), and the rows after a position are read as a few conditions whose rows follow one
 * another in that order, each read only if the ones before leave the window short:
 * <ol>
 *   <li>the rows sharing the position's values but for the last key, after it on that key;</li>
 *   <li>and so on up to the first key: the rows after the position's value of the first key, a range
 *       of its index when it has one, read in index order;</li>
 *   <li>each followed, ascending, by the rows that lack the key (missing values sort last ascending and
 *       first descending).</li>
 * </ol>
 * A backward window reads the same way in the reversed order, and its rows are turned around. Keys are
 * property paths ({@code "lastname"}, {@code "address.city"}) and values are the entity's Java values.
 */
final class KeysetScroll {

    /** A sort key: its property path, stored path, direction and leaf property type. */
    private record Key(String path, String field, boolean ascending, TypeInformation<?> type, boolean isId,
                       PersistentPropertyPath<FileStorePersistentProperty> properties) {
    }

    private final List<Key> keys = new ArrayList<>();
    private final List<Condition> segments = new ArrayList<>();
    private final MappingFileStoreConverter converter;
    private int main;

    KeysetScroll(Sort sort, KeysetScrollPosition position, Class<?> domainType, MappingFileStoreConverter converter) {
        this.converter = converter;
        Sorting.orders(sort, domainType, converter); // refuses what a sort cannot do, as a page would
        FileStorePersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(domainType);
        FileStorePersistentProperty id = entity.getRequiredIdProperty();
        boolean sortedById = false;
        for (Sort.Order order : sort) {
            sortedById |= addKey(order.getProperty(), order.isAscending() != position.scrollsBackward(), domainType, id);
        }
        if (!sortedById) {
            addKey(id.getName(), !position.scrollsBackward(), domainType, id);
        }
        if (!position.isInitial()) {
            resumeAfter(position.getKeys());
        }
    }

    private boolean addKey(String path, boolean ascending, Class<?> domainType, FileStorePersistentProperty id) {
        PropertyPath property = PropertyPath.from(path, domainType);
        PersistentPropertyPath<FileStorePersistentProperty> properties =
                converter.getMappingContext().getPersistentPropertyPath(property);
        boolean isId = properties.getLength() == 1 && properties.getLeafProperty().equals(id);
        keys.add(new Key(path, PartTreeConditions.storedPath(property, converter), ascending,
                property.getLeafProperty().getTypeInformation(), isId, properties));
        return isId;
    }

    /**
     * The reads of the window in order, each the filtered query with one more condition, sorted.
     * An initial position has one read.
     */
    List<Query> reads(Query filtered) {
        Order[] orders = orders();
        if (segments.isEmpty()) {
            return List.of(filtered.orderBy(orders));
        }
        return segments.stream().map(segment -> filtered.where(segment).orderBy(orders)).toList();
    }

    /** The read past the position's value of the first key (the one an index of that key serves). */
    Query mainRead(Query filtered) {
        return reads(filtered).get(main);
    }

    /** The keys of an entity of the window, by property path: where the next window starts. */
    Map<String, Object> keysOf(Object entity) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Key key : keys) {
            values.put(key.path(), valueAt(entity, key.properties()));
        }
        return values;
    }

    /** The orders of the reads; a last ascending id is left to FileStore's own tie-break by id. */
    private Order[] orders() {
        List<Order> orders = new ArrayList<>();
        for (Key key : keys) {
            orders.add(new Order(key.field(), key.ascending()));
        }
        Key last = keys.get(keys.size() - 1);
        if (last.isId() && last.ascending()) {
            orders.remove(orders.size() - 1);
        }
        return orders.toArray(Order[]::new);
    }

    private void resumeAfter(Map<String, Object> position) {
        List<String> missing = keys.stream().map(Key::path).filter(path -> !position.containsKey(path)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("KeysetScrollPosition " + position + " lacks the keys " + missing
                    + " of the sort; resume from Window.positionAt(...) of a scroll with the same sort");
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            List<Condition> same = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                same.add(same(keys.get(j), position.get(keys.get(j).path())));
            }
            if (i == 0) {
                main = segments.size();
            }
            for (Condition after : after(keys.get(i), position.get(keys.get(i).path()))) {
                List<Condition> all = new ArrayList<>(same);
                all.add(after);
                segments.add(Where.and(all.toArray(Condition[]::new)));
            }
        }
        if (segments.isEmpty()) {
            segments.add(Where.or()); // nothing follows a position whose keys are all missing at the end
        }
        main = Math.min(main, segments.size() - 1);
    }

    private Condition same(Key key, @Nullable Object value) {
        return value == null ? Where.isNull(key.field()) : Where.eq(key.field(), stored(key, value));
    }

    /** The rows after the value on this key, in the key's order: the greater (or smaller) values, then the missing. */
    private List<Condition> after(Key key, Object value) {
        if (key.ascending()) {
            if (value == null) {
                return List.of();
            }
            Condition greater = Where.gt(key.field(), stored(key, value));
            boolean neverMissing = key.isId() || key.type().getType().isPrimitive();
            return neverMissing ? List.of(greater) : List.of(greater, Where.isNull(key.field()));
        }
        return value == null ? List.of(Where.isNotNull(key.field())) : List.of(Where.lt(key.field(), stored(key, value)));
    }

    /** A position value as the property stores it; the id as the record id, other types converted first. */
    private JsonNode stored(Key key, Object value) {
        if (key.isId()) {
            return StringNode.valueOf(converter.idString(value));
        }
        Class<?> type = key.type().getType();
        Object typed = value;
        if (!ClassUtils.isAssignableValue(type, value) && converter.getConversionService().canConvert(value.getClass(), type)) {
            typed = converter.getConversionService().convert(value, type);
        }
        return converter.toStoredValue(typed, key.type());
    }

    private static @Nullable Object valueAt(Object entity, PersistentPropertyPath<FileStorePersistentProperty> path) {
        Object current = entity;
        for (FileStorePersistentProperty property : path) {
            if (current == null) {
                return null;
            }
            current = property.getOwner().getPropertyAccessor(current).getProperty(property);
        }
        return current;
    }
}
