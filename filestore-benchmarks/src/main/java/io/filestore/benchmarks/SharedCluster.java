package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;
import io.filestore.postgres.PostgresSharedStorage;
import io.filestore.postgres.testing.PostgresServer;

/**
 * What the shared-mode benchmarks stand on: a real PostgreSQL 17 (filestore-postgres' {@link PostgresServer},
 * the binaries from Maven Central, in a temporary folder) and FileStore instances on it, each with a data
 * folder of its own and the {@value #COLLECTION} collection shared, {@code email} unique and {@code city}
 * indexed, as {@link LookupBenchmark}'s. Closing closes the instances and stops and deletes the server.
 */
final class SharedCluster implements AutoCloseable {

    static final String COLLECTION = "users";

    private final PostgresServer postgres;
    private final List<FileStore> instances = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();

    private SharedCluster(PostgresServer postgres) {
        this.postgres = postgres;
    }

    static SharedCluster start() {
        try {
            return new SharedCluster(PostgresServer.start());
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    PostgresServer postgres() {
        return postgres;
    }

    /** The options of a new instance, on a fresh data folder. */
    FileStoreOptions options() {
        Path folder = TempDirs.create("shared-instance");
        folders.add(folder);
        return FileStoreOptions.builder(folder).flushInterval(Duration.ofHours(1))
                .shared(PostgresSharedStorage.of(postgres.url(), postgres.user(), null))
                .collection(CollectionOptions.builder(COLLECTION).strategy(Strategy.SHARED).unique("email")
                        .indexed("city").build())
                .build();
    }

    /** Opens a new instance, closed with the cluster. */
    FileStore instance() {
        FileStore store = FileStore.open(options());
        instances.add(store);
        return store;
    }

    @Override
    public void close() {
        try {
            instances.forEach(FileStore::close);
        } finally {
            folders.forEach(TempDirs::delete);
            try {
                postgres.close();
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL did not stop: " + e.getMessage(), e);
            }
        }
    }
}
