package io.filestore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.StoreFolder;
import io.filestore.Strategy;
import io.filestore.postgres.testing.PostgresServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shared-import} and {@code shared-export} on a real PostgreSQL: a folder goes into a shared store and comes back equal. */
class SharedMoveTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    @TempDir
    Path temp;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void aFolderMovesIntoASharedStoreAndBackWithTheSameRecordsValuesSettingsAndFiles() throws Exception {
        Path original = temp.resolve("original");
        fill(original);
        String url = database();

        Cli imported = Cli.run("shared-import", "--url", url, "--user", "postgres", original);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("users: 2500 record(s)", "logs: 30 record(s)", "values: 2");

        Path back = temp.resolve("back");
        Cli exported = Cli.run("shared-export", "--url", url, "--user", "postgres", "--like", original, back);
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(exported.out()).contains("users: 2500 record(s)", "logs: 30 record(s)", "values: 2");

        assertThat(StoreFolder.collections(back)).isEqualTo(StoreFolder.collections(original));
        assertThat(files(back)).isEqualTo(files(original));
        assertThat(contents(back)).isEqualTo(contents(original));
    }

    @Test
    void importRefusesASharedStoreThatHoldsRecordsAlreadyAndCopiesNothing() throws Exception {
        Path original = temp.resolve("original");
        fill(original);
        String url = database();
        assertThat(Cli.run("shared-import", "--url", url, "--user", "postgres", original).exitCode()).isZero();

        Cli again = Cli.run("shared-import", "--url", url, "--user", "postgres", original);

        assertThat(again.exitCode()).isEqualTo(FileStoreCli.FAILED);
        assertThat(again.err()).contains("already holds 30 record(s) of collection 'logs'", "Nothing was copied");
    }

    @Test
    void exportWithoutLikeWritesFilePerRecordCollections() throws Exception {
        Path original = temp.resolve("original");
        fill(original);
        String url = database();
        assertThat(Cli.run("shared-import", "--url", url, "--user", "postgres", original).exitCode()).isZero();

        Path back = temp.resolve("back");
        Cli exported = Cli.run("shared-export", "--url", url, "--user", "postgres", back);

        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        assertThat(StoreFolder.collections(back)).extracting(CollectionOptions::strategy)
                .containsOnly(Strategy.FILE_PER_RECORD);
        assertThat(contents(back)).isEqualTo(contents(original));
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() throws Exception {
        Path original = temp.resolve("original");
        fill(original);

        Cli run = Cli.run("shared-import", "--url", "jdbc:mysql://localhost/app", "--user", "app", original);

        assertThat(run.exitCode()).isEqualTo(FileStoreCli.FAILED);
        assertThat(run.err()).contains("Invalid value 'jdbc:mysql://localhost/app' for --url", "jdbc:postgresql://");
    }

    @Test
    void exportRefusesAFolderThatIsNotEmpty() throws Exception {
        Path back = temp.resolve("back");
        Files.createDirectories(back.resolve("something"));

        Cli run = Cli.run("shared-export", "--url", database(), "--user", "postgres", back);

        assertThat(run.exitCode()).isEqualTo(FileStoreCli.FAILED);
        assertThat(run.err()).contains("for <out>", "does not exist yet or is empty");
    }

    /** A folder of each persisted layout the CLI's class path supports, more than one batch, and values. */
    private static void fill(Path folder) {
        FileStoreOptions options = FileStoreOptions.builder(folder)
                .collection(CollectionOptions.builder("users").indexed("city").unique("email").build())
                .collection(CollectionOptions.builder("logs").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).path(Path.of("logs/audit.jsonl")).build())
                .collection(CollectionOptions.builder("settings").strategy(Strategy.SINGLE_FILE).build())
                .build();
        try (FileStore store = FileStore.open(options)) {
            store.runInTransaction(tx -> {
                for (int i = 0; i < 2500; i++) {
                    store.collection("users").put("u" + i, Map.of("email", "u" + i + "@example.com", "city",
                            "city" + (i % 7), "tags", List.of("a", "b"), "age", i % 90));
                }
            });
            for (int i = 0; i < 30; i++) {
                store.collection("logs").put("l" + i, Map.of("event", "login", "n", i));
            }
            store.collection("settings").put("theme", Map.of("dark", true, "nested", Map.of("z", 1, "a", 2)));
            store.setValue("counter", 42);
            store.setValue("motd", Map.of("text", "hello"));
        }
    }

    /** Every record and value, opened as a store. */
    private static Map<String, Object> contents(Path folder) {
        Map<String, Object> contents = new TreeMap<>();
        try (FileStore store = Folders.open(folder)) {
            for (String name : store.collectionNames()) {
                Map<String, JsonNode> records = new TreeMap<>();
                store.collection(name).ids().forEach(id -> records.put(id, store.collection(name).get(id).orElseThrow()));
                contents.put(name, records);
            }
            store.valueKeys().forEach(key -> contents.put("value " + key, store.getValue(key).orElseThrow()));
        }
        return contents;
    }

    /** The folder's files, relative, without the write-ahead log and the lock. */
    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString())
                    .filter(name -> !name.startsWith("_wal")).filter(name -> !name.contains(".lock"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String database() throws SQLException {
        String name = "cli" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.url().replace("/postgres", "/" + name);
    }
}
