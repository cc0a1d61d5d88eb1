package io.filestore.boot.autoconfigure.data;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CollectionOptions;
import io.filestore.FileStoreOptions;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.mapping.FileStoreMappingContext;

/**
 * Joins the collections the entities' annotations ask for to the configured ones (configuration wins,
 * index lists are joined) and logs the result, once, when the store is created.
 */
public final class EntityOptions {

    private static final Logger log = LoggerFactory.getLogger(EntityOptions.class);

    private EntityOptions() {
    }

    /** The options with the entities' collections merged in. */
    public static FileStoreOptions merge(FileStoreOptions options, FileStoreMappingContext context,
                                         FileStoreEntities entities) {
        Map<String, CollectionOptions> merged = new LinkedHashMap<>();
        EntityCollections.merge(context, entities.classes(), options.collections().values())
                .forEach(collection -> merged.put(collection.name(), collection));
        return new FileStoreOptions(options.dataDir(), options.flushInterval(), options.fsyncInterval(), merged,
                options.jsonMapper(), options.storageIO(), options.watch(), options.acceptLogLoss(),
                options.maxDirtyRecords(), options.maxUnflushedLogBytes(), options.shared());
    }

    /** The collections of the entities, by name, without repeats. */
    public static List<String> collectionNames(FileStoreMappingContext context, FileStoreEntities entities) {
        return entities.classes().stream().map(type -> context.getRequiredPersistentEntity(type).collection())
                .distinct().toList();
    }

    /** Logs every collection's settings, one line each. */
    public static void log(FileStoreOptions options) {
        options.collections().values().stream().sorted(Comparator.comparing(CollectionOptions::name))
                .forEach(c -> log.info("FileStore collection '{}': strategy={}, path={}, wal={}, indexed={}, unique={}{}{}{}",
                        c.name(), c.strategy().configName(), options.dataDir().relativize(c.resolvePath(options.dataDir())),
                        c.wal(), c.indexed(), c.unique(), c.format() == null ? "" : ", format=" + c.format().configName(),
                        c.appendOnly() ? ", append-only=true" : "", c.ttl() == null ? "" : ", ttl=" + c.ttl()));
    }
}
