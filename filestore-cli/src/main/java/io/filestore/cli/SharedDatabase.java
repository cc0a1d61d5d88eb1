package io.filestore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.SharedStoreUnavailableException;
import io.filestore.Strategy;
import io.filestore.postgres.PostgresSharedStorage;
import picocli.CommandLine.Option;

/**
 * The shared store's PostgreSQL database, as {@code shared-import} and {@code shared-export} name it, and
 * a store instance on it. The instance's own data folder (which holds only its lock) is a temporary one,
 * deleted when it closes.
 */
final class SharedDatabase {

    @Option(names = "--url", required = true, paramLabel = "<jdbc-url>",
            description = "the shared store's database, such as jdbc:postgresql://db:5432/app")
    String url;

    @Option(names = "--user", required = true, description = "the database user")
    String user;

    @Option(names = "--password", defaultValue = "${env:FILESTORE_SHARED_PASSWORD}",
            description = "the user's password (default: the FILESTORE_SHARED_PASSWORD environment variable)")
    @Nullable String password;

    /** A store instance on the database, with the given collections declared shared. */
    Instance open(List<CollectionOptions> collections) throws IOException {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Invalid value '" + url + "' for --url; allowed: a PostgreSQL JDBC URL"
                    + " such as jdbc:postgresql://db:5432/app");
        }
        Path folder = Files.createTempDirectory("filestore-shared-cli-");
        FileStoreOptions.Builder options = FileStoreOptions.builder(folder).flushInterval(Duration.ofHours(1))
                .shared(PostgresSharedStorage.of(url, user, password));
        collections.stream().filter(c -> c.strategy() != Strategy.MEMORY_ONLY)
                .forEach(c -> options.collection(asShared(c)));
        try {
            return new Instance(FileStore.open(options.build()), folder);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    /** The collection as a shared one, keeping its indexes. */
    static CollectionOptions asShared(CollectionOptions collection) {
        return CollectionOptions.builder(collection.name()).strategy(Strategy.SHARED).indexed(collection.indexed())
                .unique(collection.unique()).build();
    }

    /** The names of the collections the database holds (its catalog table, empty before the first store opened on it). */
    List<String> collectionNames() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select name from filestore_collections order by name")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new SharedStoreUnavailableException("Cannot list the shared store's collections at " + url + ": "
                    + e.getMessage(), e);
        }
    }

    /** A store on the database and its temporary folder. */
    record Instance(FileStore store, Path folder) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try {
                store.close();
            } finally {
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
