package io.filestore.internal.store;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.InvalidOptionsException;
import io.filestore.Strategy;
import io.filestore.internal.json.Json;
import io.filestore.internal.persist.Persisters;
import io.filestore.internal.persist.StorePersistContext;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.JsonCodec;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings collections from disk into memory: checks that no two share a path, migrates a changed
 * layout, reads the records through the collection's persister and builds their indexes. Declared
 * collections are loaded side by side at open; others on first use.
 */
final class CollectionLoader {

    private final Path dataDir;
    private final StorePersistContext persistContext;
    private final Migration migration;
    private final ExpiryQueue expiry;
    private final Json json;
    private final Map<String, StoreCollection> collections;
    private final Function<CollectionState, StoreCollection> facade;
    private final @Nullable SharedSync shared;

    /** {@code shared}: where shared collections come from, or {@code null} when the store is not shared. */
    CollectionLoader(Path dataDir, StorePersistContext persistContext, Migration migration, ExpiryQueue expiry, Json json,
                     Map<String, StoreCollection> collections, Function<CollectionState, StoreCollection> facade,
                     @Nullable SharedSync shared) {
        this.dataDir = dataDir;
        this.persistContext = persistContext;
        this.migration = migration;
        this.expiry = expiry;
        this.json = json;
        this.collections = collections;
        this.facade = facade;
        this.shared = shared;
    }

    /**
     * Loads the collections side by side; each also spreads its files over the I/O pool, so these
     * loader threads only wait and never take an I/O thread away from the files.
     */
    void loadInParallel(List<CollectionOptions> declared) {
        if (declared.size() <= 1) {
            declared.forEach(this::load);
            return;
        }
        ExecutorService loaders = Executors.newFixedThreadPool(Math.min(declared.size(), 4), DaemonThreads.named("filestore-open"));
        try {
            List<CompletableFuture<StoreCollection>> loads = declared.stream()
                    .map(options -> CompletableFuture.supplyAsync(() -> load(options), loaders)).toList();
            for (CompletableFuture<StoreCollection> load : loads) {
                try {
                    load.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            loaders.shutdown();
        }
    }

    /** Loads one collection and registers it. */
    StoreCollection load(CollectionOptions options) {
        Persisters.requireLibraries(options);
        checkPathIsFree(options);
        migration.migrateIfMoved(options);
        CollectionState state = new CollectionState(options, Persisters.forCollection(options, persistContext), expiry);
        LoadSink sink = new LoadSink(state);
        state.persister().load(sink);
        if (shared != null && options.strategy() == Strategy.SHARED) {
            loadShared(sink, options.name());
        }
        sink.buildIndexes();
        DuplicateKeyWarning.warnAboutDuplicates(state);
        StoreCollection collection = facade.apply(state);
        collections.put(options.name(), collection);
        return collection;
    }

    /** A shared collection's records, from the database (the open's snapshot or its table now). */
    private void loadShared(LoadSink sink, String name) {
        Map<String, byte[]> records = new HashMap<>();
        shared.load(name, records);
        sink.expect(records.size());
        records.forEach((id, bytes) -> sink.accept(id, json.parseObject(bytes)));
    }

    /**
     * Puts loaded records into the state and their keys straight into the indexes' hash maps, from
     * trees of only the fields the indexes read (none without indexes); the sorted side of the
     * indexes is built once every record is read.
     */
    private final class LoadSink implements CollectionPersister.RecordSink {
        private final CollectionState state;
        private final boolean indexed;
        private final Set<String> treeFields;

        LoadSink(CollectionState state) {
            this.state = state;
            this.indexed = !state.indexes().isEmpty();
            this.treeFields = state.indexes().topLevelFields();
        }

        @Override
        public void accept(String id, ObjectNode record) {
            add(id, json.toBytes(record), record);
        }

        @Override
        public void expect(int records) {
            // called before the persister hands records to its loader threads, which then see these maps
            state.sizeForLoad(records);
            state.indexes().presizeForLoad(records);
        }

        @Override
        public Set<String> treeFields() {
            return treeFields;
        }

        @Override
        public void acceptCompact(String id, byte[] compactJson, ObjectNode fields, JsonCodec unused) {
            add(id, compactJson, fields);
        }

        /** {@code record}: the record's tree, or one holding at least its {@link #treeFields}. */
        private void add(String id, byte[] bytes, ObjectNode record) {
            // concurrent collections: loader threads need no lock here
            if (state.records().putIfAbsent(id, bytes) != null) {
                // the keys it added could not be taken back: a persister hands each id over once
                throw new IllegalStateException("Collection '" + state.name() + "' was handed record '" + id + "' twice while loading");
            }
            if (indexed) {
                state.indexes().loadAdd(id, record);
            }
        }

        void buildIndexes() {
            if (indexed) {
                state.indexes().finishLoad(persistContext.pool());
            }
        }
    }

    private void checkPathIsFree(CollectionOptions candidate) {
        if (!candidate.strategy().isPersistent()) {
            return;
        }
        Path path = candidate.resolvePath(dataDir);
        for (StoreCollection existing : collections.values()) {
            CollectionOptions other = existing.options();
            if (other.strategy().isPersistent() && other.resolvePath(dataDir).equals(path)) {
                throw new InvalidOptionsException("collections." + candidate.name() + ".path", path,
                        "a path no other collection uses (collection '" + other.name() + "' uses it already)");
            }
        }
    }
}
