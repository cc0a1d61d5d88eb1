package io.filestore.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.CollectionOptions;
import io.filestore.CommitOutcomeUnknownException;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.UniqueConstraintException;

import static io.filestore.postgres.SharedStoreTests.eventually;
import static io.filestore.postgres.SharedStoreTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A connection cut during {@code COMMIT}: a deferred trigger holds the commit of a marked transaction
 * in {@code pg_sleep}, and the test terminates that backend with {@code pg_terminate_backend}. The
 * writer hears "outcome unknown", never "failed"; the instances converge on what the tables hold.
 */
class CommitOutcomeTests {

    static TestPostgres postgres;

    @TempDir
    Path dir;

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

    FileStore open(String name) {
        return FileStore.open(FileStoreOptions.builder(dir.resolve(name)).shared(postgres.storage())
                .collection(CollectionOptions.builder("users").unique("email").build()).build());
    }

    @Test
    void aBackendTerminatedDuringCommitGivesOutcomeUnknownAndTheInstancesConverge() throws Exception {
        try (FileStore a = open("a"); FileStore b = open("b")) {
            a.collection("users").put("u1", json("email", "u1@x.io"));
            sleepAtCommitOfMarkedTransactions();
            CompletableFuture<Void> write = CompletableFuture.runAsync(
                    () -> a.collection("users").put("slow", json("email", "slow@x.io", "note", "sleep-at-commit")));
            terminateTheSleepingBackend();
            assertThat(write).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                    .havingCause().isInstanceOf(CommitOutcomeUnknownException.class);
            a.collection("users").put("u2", json("email", "u2@x.io"));
            eventually(() -> b.collection("users").exists("u2"));
            try (Connection connection = postgres.connect()) {
                String tables = Digests.ofTables(connection, "users");
                assertThat(Digests.ofStore(a, "users")).isEqualTo(tables);
                assertThat(Digests.ofStore(b, "users")).isEqualTo(tables);
            }
            assertThat(a.collection("users").exists("slow")).isEqualTo(b.collection("users").exists("slow"));
            assertThat(a.status().lastSequence()).isEqualTo(b.status().lastSequence());
        }
    }

    @Test
    void aCommitWhoseAnswerIsLostIsReportedUnknownAndThenAppliedEverywhere() throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(postgres.port());
             FileStore a = FileStore.open(FileStoreOptions.builder(dir.resolve("via-proxy"))
                     .shared(PostgresSharedStorage.of(proxy.url(), "postgres", null))
                     .collection(CollectionOptions.builder("users").unique("email").build()).build());
             FileStore b = open("direct")) {
            a.collection("users").put("u1", json("email", "u1@x.io"));
            proxy.arm();
            assertThatThrownBy(() -> a.collection("users").put("p1", json("email", "p1@x.io")))
                    .isInstanceOf(CommitOutcomeUnknownException.class);
            // it did commit: the follow thread finds its entry and applies it, here and on the other instance
            eventually(() -> a.collection("users").exists("p1") && b.collection("users").exists("p1"));
            assertThatThrownBy(() -> b.collection("users").put("p2", json("email", "p1@x.io")))
                    .isInstanceOf(UniqueConstraintException.class);
            try (Connection connection = postgres.connect()) {
                String tables = Digests.ofTables(connection, "users");
                assertThat(Digests.ofStore(a, "users")).isEqualTo(tables);
                assertThat(Digests.ofStore(b, "users")).isEqualTo(tables);
            }
        }
    }

    private static void sleepAtCommitOfMarkedTransactions() throws Exception {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create or replace function filestore_test_sleep() returns trigger language plpgsql as $$"
                    + " begin if new.payload::text like '%sleep-at-commit%' then perform pg_sleep(20); end if; return null; end $$");
            statement.execute("create constraint trigger filestore_test_sleep after insert on filestore_changes"
                    + " deferrable initially deferred for each row execute function filestore_test_sleep()");
        }
    }

    private static void terminateTheSleepingBackend() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where wait_event = 'PgSleep' and pid <> pg_backend_pid()")) {
                    if (rows.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no backend was sleeping in its commit");
    }
}
