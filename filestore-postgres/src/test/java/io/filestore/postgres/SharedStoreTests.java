package io.filestore.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreException;
import io.filestore.FileStoreOptions;
import io.filestore.InvalidOptionsException;
import io.filestore.RecordChange;
import io.filestore.SharedStoreUnavailableException;
import io.filestore.Strategy;
import io.filestore.UniqueConstraintException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two shared store instances in this JVM (two data folders) on one real PostgreSQL. */
class SharedStoreTests {

    static TestPostgres postgres;

    @TempDir
    Path dir;

    final List<FileStore> opened = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyDatabase() throws Exception {
        postgres.empty();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(FileStore::close);
    }

    FileStore open(String name) {
        FileStore store = FileStore.open(FileStoreOptions.builder(dir.resolve(name)).shared(postgres.storage())
                .collection(CollectionOptions.builder("users").unique("email").indexed("team").build())
                .collection(CollectionOptions.builder("sessions").strategy(Strategy.MEMORY_ONLY).build())
                .build());
        opened.add(store);
        return store;
    }

    static ObjectNode json(Object... fieldsAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            if (value instanceof Integer number) {
                node.put((String) fieldsAndValues[i], number);
            } else {
                node.put((String) fieldsAndValues[i], String.valueOf(value));
            }
        }
        return node;
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 15 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aWriteOnOneInstanceReachesTheOtherWithItsListenersAndIndexes() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        List<RecordChange> heard = new CopyOnWriteArrayList<>();
        b.collection("users").onChange(heard::addAll);
        a.collection("users").put("u1", json("email", "u1@x.io", "team", "red"));
        a.setValue("motd", json("text", "hello"));
        eventually(() -> b.collection("users").exists("u1") && b.getValue("motd").isPresent());
        assertThat(b.collection("users").findIds("team", "red")).containsExactly("u1");
        assertThat(b.getValue("motd").orElseThrow().get("text").asString()).isEqualTo("hello");
        eventually(() -> heard.size() == 1);
        assertThat(heard.get(0).id()).isEqualTo("u1");
        assertThat(b.status().lastSequence()).isEqualTo(a.status().lastSequence());
        assertThat(b.status().shared().writable()).isTrue();
    }

    @Test
    void aUniqueValueIsNeverAcceptedTwiceAcrossInstances() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        a.collection("users").put("u1", json("email", "same@x.io"));
        // no waiting: b's write transaction catches up under the cross-instance lock before it checks
        assertThatThrownBy(() -> b.collection("users").put("u2", json("email", "same@x.io")))
                .isInstanceOf(UniqueConstraintException.class);
        assertThat(b.collection("users").exists("u1")).isTrue();
    }

    @Test
    void aVersionCheckSeesTheOtherInstancesLatestWrite() {
        FileStore a = open("a");
        FileStore b = open("b");
        a.collection("users").put("u1", json("email", "u1@x.io", "version", 1));
        a.collection("users").put("u1", json("email", "u1@x.io", "version", 2));
        // b read version 1 a moment ago; its checked update must see 2 and refuse
        boolean written = b.callInTransaction(tx -> {
            int version = b.collection("users").get("u1").orElseThrow().get("version").asInt();
            if (version != 1) {
                return false;
            }
            b.collection("users").put("u1", json("email", "u1@x.io", "version", 2));
            return true;
        });
        assertThat(written).isFalse();
    }

    @Test
    void undeclaredCollectionsAreSharedAndMemoryOnlyOnesStayLocal() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        a.collection("orders").put("o1", json("total", 3));
        a.collection("sessions").put("s1", json("user", "u1"));
        assertThat(a.collection("orders").options().strategy()).isEqualTo(Strategy.SHARED);
        eventually(() -> b.collection("orders").exists("o1"));
        a.collection("orders").put("o2", json("total", 4));
        eventually(() -> b.collection("orders").exists("o2"));
        assertThat(b.collection("sessions").exists("s1")).isFalse();
    }

    @Test
    void aTransactionAcrossCollectionsAndValuesIsAllOrNothing() throws Exception {
        FileStore a = open("a");
        a.collection("users").put("u1", json("email", "u1@x.io"));
        assertThatThrownBy(() -> a.runInTransaction(tx -> {
            a.collection("orders").put("o1", json("user", "u2"));
            a.setValue("counter", json("n", 1));
            a.collection("users").put("u2", json("email", "u1@x.io"));
        })).isInstanceOf(UniqueConstraintException.class);
        FileStore b = open("b");
        assertThat(b.collection("orders").exists("o1")).isFalse();
        assertThat(b.getValue("counter")).isEmpty();
        assertThat(b.collection("users").ids()).containsExactly("u1");
    }

    @Test
    void aDocumentReadsBackByteForByteOnEveryInstanceAndAfterANewStart() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        // key order, a number jsonb would rewrite (1.0E300 -> 301 digits), a character jsonb refuses
        JsonNode record = FileStoreOptions.defaultJsonMapper().readTree(
                "{\"zeta\":1,\"alpha\":{\"y\":1.25,\"b\":[3,1]},\"big\":1.0E300,\"nul\":\"a\\u0000b\",\"email\":\"t@x.io\"}");
        a.collection("users").put("t1", record);
        a.setValue("raw", record);
        String written = a.collection("users").getJson("t1").orElseThrow();
        assertThat(written).startsWith("{\"zeta\":1,\"alpha\":{\"y\":1.25").contains("1.0E+300", "\\u0000");

        eventually(() -> b.collection("users").exists("t1") && b.getValue("raw").isPresent());
        assertThat(b.collection("users").getJson("t1")).contains(written);
        assertThat(b.getValue("raw").orElseThrow().toString()).isEqualTo(a.getValue("raw").orElseThrow().toString());
        FileStore c = open("c");
        assertThat(c.collection("users").getJson("t1")).as("from the tables").contains(written);
        assertThat(c.getValue("raw").orElseThrow().toString()).isEqualTo(a.getValue("raw").orElseThrow().toString());
    }

    @Test
    void aNewInstanceStartsFromTheTables() {
        FileStore a = open("a");
        for (int i = 0; i < 50; i++) {
            a.collection("users").put("u" + i, json("email", "u" + i + "@x.io", "team", i % 2 == 0 ? "red" : "blue"));
        }
        a.collection("users").delete("u3");
        FileStore b = open("b");
        assertThat(b.collection("users").count()).isEqualTo(49);
        assertThat(b.collection("users").findIds("team", "red")).hasSize(25);
        assertThat(b.status().lastSequence()).isEqualTo(a.status().lastSequence());
    }

    @Test
    void aLocalLayoutInASharedStoreIsRefusedNamingTheCollection() {
        assertThatThrownBy(() -> FileStoreOptions.builder(dir).shared(postgres.storage())
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).build()).build())
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("collections.audit.strategy").hasMessageContaining("memory-only");
        assertThatThrownBy(() -> FileStoreOptions.builder(dir)
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SHARED).build()).build())
                .isInstanceOf(InvalidOptionsException.class).hasMessageContaining("shared");
    }

    @Test
    void aNewerSchemaInTheDatabaseFailsTheOpenNamingBothVersions() throws Exception {
        open("a").close();
        opened.clear();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("update filestore_state set value = 99 where name = 'schema_version'");
        }
        assertThatThrownBy(() -> open("b")).isInstanceOf(FileStoreException.class)
                .hasMessageContaining("version 99").hasMessageContaining("version " + PostgresSchema.VERSION);
    }

    @Test
    void anInstanceBehindTheTrimPointReloadsAndHearsOfExactlyTheDifferences() throws Exception {
        FileStore b = open("b");
        b.collection("users").put("u1", json("email", "u1@x.io"));
        b.collection("users").put("u2", json("email", "u2@x.io"));
        List<RecordChange> heard = new CopyOnWriteArrayList<>();
        b.collection("users").onChange(heard::addAll);
        long before = b.status().lastSequence();
        // as if other instances committed two transactions and the change table was trimmed past the first
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("insert into \"fs_users\" values ('x1', '{\"email\": \"x1@x.io\"}', " + (before + 1) + ")");
            statement.execute("delete from \"fs_users\" where id = 'u1'");
            statement.execute("insert into filestore_changes (seq, tx_id, payload) values (" + (before + 2)
                    + ", gen_random_uuid(), '{\"entries\": []}')");
            statement.execute("delete from filestore_changes where seq <= " + (before + 1));
            statement.execute("update filestore_state set value = " + (before + 1) + " where name = 'trimmed_through'");
            statement.execute("notify filestore_changes");
            connection.commit();
        }
        eventually(() -> b.collection("users").exists("x1") && !b.collection("users").exists("u1"));
        assertThat(b.collection("users").ids()).containsExactlyInAnyOrder("u2", "x1");
        assertThat(b.collection("users").findIds("email", "x1@x.io")).containsExactly("x1");
        eventually(() -> b.status().lastSequence() == before + 2);
        eventually(() -> heard.size() == 2);
        assertThat(heard).extracting(RecordChange::id).containsExactlyInAnyOrder("x1", "u1");
    }

    @Test
    void theChangeTableIsTrimmedOnceEveryLiveInstanceAppliedIt() throws Exception {
        try (FileStore a = open("a")) {
            for (int i = 0; i < 5; i++) {
                a.collection("users").put("u" + i, json("email", "u" + i + "@x.io"));
            }
        } // closed: its instance row is gone, so only the rows below count
        opened.clear();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            // the instance's own heartbeat may have trimmed already (it was the only one alive): put the
            // entries 1-4 back, so that the trims below start from a known table
            statement.execute("insert into filestore_changes (seq, tx_id, payload) select s, gen_random_uuid(),"
                    + " '{\"entries\":[]}' from generate_series(1, 4) s on conflict do nothing");
            statement.execute("update filestore_state set value = 0 where name = 'trimmed_through'");
            statement.execute("insert into filestore_instances values ('dead', 0, now() - interval '1 hour')");
            statement.execute("insert into filestore_instances values ('behind', 2, now())");
            Trimming.trim(connection, Duration.ofSeconds(30), Duration.ofHours(1));
            assertThat(PostgresSharedStorage.single(connection, "select min(seq) from filestore_changes")).isEqualTo(3);
            assertThat(PostgresSharedStorage.single(connection, "select value from filestore_state where name = 'trimmed_through'"))
                    .isEqualTo(2);
            statement.execute("delete from filestore_instances where id = 'behind'");
            Trimming.trim(connection, Duration.ofSeconds(30), Duration.ofHours(1));
            // no live instance holds it back: all but the newest entry, which holds the current sequence
            assertThat(PostgresSharedStorage.single(connection, "select count(*) from filestore_changes")).isEqualTo(1);
            assertThat(PostgresSharedStorage.single(connection, "select min(seq) from filestore_changes")).isEqualTo(5);
        }
        FileStore b = open("b"); // a new instance still starts: from the tables
        assertThat(b.collection("users").count()).isEqualTo(5);
    }

    @Test
    void concurrentSingleWritesAreCombinedAndEachUniqueValueIsTakenOnce() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        int threads = 16;
        int each = 50;
        AtomicInteger refused = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    int n = thread * each + i;
                    try {
                        a.collection("users").put("c" + n, json("email", "e" + (n % 100) + "@x.io"));
                    } catch (UniqueConstraintException expected) {
                        refused.incrementAndGet();
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(refused.get()).isEqualTo(threads * each - 100);
        assertThat(a.collection("users").count()).isEqualTo(100);
        eventually(() -> b.status().lastSequence() == a.status().lastSequence());
        try (Connection connection = postgres.connect()) {
            String tables = Digests.ofTables(connection, "users");
            assertThat(Digests.ofStore(a, "users")).isEqualTo(tables);
            assertThat(Digests.ofStore(b, "users")).isEqualTo(tables);
        }
        System.out.printf("%d combined writes (100 accepted) took %d shared sequences%n", threads * each,
                a.status().lastSequence());
    }

    @Test
    void whilePostgresIsDownWritesFailFastReadsWorkAndTheStoreCatchesUpAfter() throws Exception {
        FileStore a = open("a");
        FileStore b = open("b");
        a.collection("users").put("u1", json("email", "u1@x.io"));
        eventually(() -> b.collection("users").exists("u1"));
        postgres.stop();
        try {
            assertThatThrownBy(() -> a.collection("users").put("u2", json("email", "u2@x.io")))
                    .isInstanceOf(SharedStoreUnavailableException.class);
            assertThat(a.collection("users").get("u1")).isPresent();
            assertThat(a.status().shared().writable()).isFalse();
            assertThat(a.status().shared().problem()).isNotBlank();
        } finally {
            postgres.startAgain();
        }
        a.collection("users").put("u2", json("email", "u2@x.io"));
        eventually(() -> b.collection("users").exists("u2"));
        eventually(() -> b.status().shared().writable());
        assertThat(a.collection("users").exists("u2")).isTrue();
        assertThat(Map.of("a", a.status().lastSequence())).containsEntry("a", b.status().lastSequence());
    }
}
