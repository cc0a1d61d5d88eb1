package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.spi.StorageIO;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backpressure: a writer that finds the dirty records or the unflushed log at their bound waits, after
 * its commit, until the flusher catches up; it is slowed, never failed, and the waits are counted.
 * The flusher is held at a gate ({@link GatedStorageIO}) so that the backlog stays put while the test
 * looks at the waiting writer.
 */
class WriteBacklogTests {

    @TempDir
    Path dir;

    @Test
    void aWriterAtTheDirtyRecordBoundWaitsUntilTheFlushCatchesUpAndThenReturns() throws Exception {
        GatedStorageIO io = new GatedStorageIO(dir.resolve("items"));
        try (FileStore store = FileStore.open(options(io).maxDirtyRecords(10).maxUnflushedLogBytes(0).build());
             GatedStorageIO opened = io) {
            DocumentCollection items = store.collection("items");
            AtomicInteger acknowledged = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeUntilStalled(store, items, acknowledged, ""));

            // the early flush and the stalled writer, in either order
            waitUntil(() -> store.status().writeBacklog().stalledWriters() == 1 && io.waiting() > 0);

            assertThat(acknowledged).as("the tenth put has not returned").hasValue(9);
            assertThat(items.get("r9")).as("but it is committed").isPresent();
            assertThat(store.status().writeBacklog().dirtyRecords()).isEqualTo(10);
            assertThat(writer).isNotDone();

            io.open();
            writer.get(60, TimeUnit.SECONDS);

            WriteBacklogStatus backlog = store.status().writeBacklog();
            assertThat(acknowledged).hasValue(10);
            assertThat(backlog.stalls()).isEqualTo(1);
            assertThat(backlog.stallTime()).isPositive();
            assertThat(backlog.stalledWriters()).isZero();
            assertThat(backlog.dirtyRecords()).as("at most the low-water mark").isLessThanOrEqualTo(5);
        }
        try (FileStore reopened = FileStore.open(options(StorageIO.nio()).build())) {
            assertThat(reopened.collection("items").count()).isEqualTo(10);
        }
    }

    @Test
    void aWriterAtTheUnflushedLogBoundWaitsForTheNextCheckpoint() throws Exception {
        GatedStorageIO io = new GatedStorageIO(dir.resolve("items"));
        try (FileStore store = FileStore.open(options(io).maxDirtyRecords(0).maxUnflushedLogBytes(8 * 1024).build());
             GatedStorageIO opened = io) {
            DocumentCollection items = store.collection("items");
            AtomicInteger acknowledged = new AtomicInteger();
            String kilobyte = "x".repeat(1024);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> writeUntilStalled(store, items, acknowledged, kilobyte));

            waitUntil(() -> store.status().writeBacklog().stalledWriters() == 1);

            assertThat(store.status().writeBacklog().unflushedLogBytes()).isGreaterThanOrEqualTo(8 * 1024);
            assertThat(writer).isNotDone();

            io.open();
            writer.get(60, TimeUnit.SECONDS);

            assertThat(store.status().writeBacklog().stalls()).isEqualTo(1);
            assertThat(store.status().writeBacklog().unflushedLogBytes()).isLessThanOrEqualTo(4 * 1024);
            assertThat(store.status().wal().checkpointSequence()).as("a checkpoint made the room").isPositive();
        }
    }

    @Test
    void listenersAndCommitHooksThatWriteAtTheBoundDoNotDeadlock() throws Exception {
        try (FileStore store = FileStore.open(options(StorageIO.nio()).maxDirtyRecords(1).build())) {
            DocumentCollection items = store.collection("items");
            store.beforeCommit(changes -> changes.stream().filter(change -> change.id().startsWith("a"))
                    .forEach(change -> items.put("hook-" + change.id(), json("of", change.id()))));
            items.onChange(changes -> changes.stream().filter(change -> change.id().startsWith("a"))
                    .forEach(change -> items.put("listener-" + change.id(), json("of", change.id()))));

            CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 20; i++) {
                    items.put("a" + i, json("n", i));
                }
            }).get(120, TimeUnit.SECONDS);

            assertThat(items.count()).isEqualTo(60);
            assertThat(store.status().writeBacklog().stalls()).isPositive();
        }
        try (FileStore reopened = FileStore.open(options(StorageIO.nio()).build())) {
            assertThat(reopened.collection("items").count()).isEqualTo(60);
        }
    }

    @Test
    void theBoundsAreOnByDefaultAndANegativeOneIsRefusedNamingIt() {
        FileStoreOptions defaults = FileStoreOptions.builder(dir).build();
        assertThat(defaults.maxDirtyRecords()).isEqualTo(FileStoreOptions.DEFAULT_MAX_DIRTY_RECORDS).isPositive();
        assertThat(defaults.maxUnflushedLogBytes()).isEqualTo(64L * 1024 * 1024);

        assertThatThrownBy(() -> FileStoreOptions.builder(dir).maxDirtyRecords(-1).build())
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("max-dirty-records").hasMessageContaining("'-1'").hasMessageContaining("0 (no bound)");
        assertThatThrownBy(() -> FileStoreOptions.builder(dir).maxUnflushedLogBytes(-5).build())
                .isInstanceOf(InvalidOptionsException.class)
                .hasMessageContaining("wal.max-unflushed-size").hasMessageContaining("'-5'");
        assertThat(FileStoreOptions.builder(dir).maxDirtyRecords(0).maxUnflushedLogBytes(0).build().maxDirtyRecords())
                .as("0 turns a bound off").isZero();
    }

    @Test
    void withoutBoundsNoWriterWaits() {
        try (FileStore store = FileStore.open(options(StorageIO.nio()).maxDirtyRecords(0).maxUnflushedLogBytes(0).build())) {
            DocumentCollection items = store.collection("items");
            for (int i = 0; i < 200; i++) {
                items.put("r" + i, json("n", i));
            }
            WriteBacklogStatus backlog = store.status().writeBacklog();
            assertThat(backlog.dirtyRecords()).isEqualTo(200);
            assertThat(backlog.stalls()).isZero();
            assertThat(backlog.stallTime()).isZero();
        }
    }

    private FileStoreOptions.Builder options(StorageIO io) {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).storageIO(io)
                .collection(CollectionOptions.builder("items").build());
    }

    /** Puts new records until one of the puts had to wait for the flusher; each that returned is counted. */
    private static void writeUntilStalled(FileStore store, DocumentCollection items, AtomicInteger acknowledged,
                                          String padding) {
        for (int i = 0; store.status().writeBacklog().stalls() == 0; i++) {
            items.put("r" + i, Map.of("n", i, "padding", padding));
            acknowledged.incrementAndGet();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(10);
        }
    }
}
