package io.filestore.data.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.filestore.CollectionOptions;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;

/**
 * The collection settings entity annotations ask for (the indexed and unique fields), merged with
 * configured settings: every configured setting wins, and the index lists are joined, since a
 * reference needs its index whatever the configuration says.
 */
public final class EntityCollections {

    private EntityCollections() {
    }

    /** Each entity's collection with its annotated indexes, merged into the configured collections. */
    public static List<CollectionOptions> merge(FileStoreMappingContext context, Collection<Class<?>> entities,
                                                Collection<CollectionOptions> configured) {
        Map<String, CollectionOptions> byName = new LinkedHashMap<>();
        configured.forEach(options -> byName.put(options.name(), options));
        for (Class<?> type : entities) {
            FileStorePersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
            Set<String> indexed = new LinkedHashSet<>();
            Set<String> unique = new LinkedHashSet<>();
            for (FileStorePersistentProperty property : entity) {
                if (property.isUnique()) {
                    unique.add(property.fieldName());
                } else if (property.isIndexed()) {
                    indexed.add(property.fieldName());
                }
            }
            CollectionOptions base = byName.get(entity.collection());
            if (base == null) {
                base = CollectionOptions.builder(entity.collection()).build();
            }
            unique.addAll(base.unique());
            indexed.addAll(base.indexed());
            byName.put(entity.collection(), new CollectionOptions(base.name(), base.strategy(), base.path(),
                    new ArrayList<>(indexed), new ArrayList<>(unique), base.wal(), base.format(), base.appendOnly(),
                    base.ttl(), base.persister()));
        }
        return new ArrayList<>(byName.values());
    }
}
