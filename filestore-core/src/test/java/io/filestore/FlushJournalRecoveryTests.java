package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.internal.persist.FlushJournal;
import io.filestore.spi.StorageIO;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A flush interrupted between record files leaves a journal that the next open completes. */
class FlushJournalRecoveryTests {

    @TempDir
    Path dir;

    @Test
    void aTransactionHalfWrittenToRecordFilesIsCompletedAtTheNextOpen() throws Exception {
        FaultyStorageIO io = new FaultyStorageIO();
        FileStore store = FileStore.open(TestStores.options(dir).storageIO(io).build());
        store.collection("orders").put("o0", json("status", "OLD"));
        store.flush();
        store.runInTransaction(tx -> {
            for (int i = 1; i <= 5; i++) {
                store.collection("orders").put("o" + i, json("status", "NEW", "userId", "u1"));
            }
            store.collection("orders").delete("o0");
            store.setValue("batch", 1);
        });
        io.failRenamesAfter(3); // the journal, then two of the record files
        assertThatThrownBy(store::flush).isInstanceOf(StorageException.class).hasMessageContaining("injected");
        assertThat(store.status().flushFailures()).isEqualTo(1);
        assertThat(store.status().dirtyRecords()).containsEntry("orders", 6); // kept for the next flush
        assertThatThrownBy(store::close).isInstanceOf(StorageException.class); // the crash: nothing more reaches disk

        assertThat(dir.resolve(FlushJournal.FILE_NAME)).exists();
        assertThat(countRecordFiles()).isBetween(2L, 4L); // half of the transaction is on disk

        try (FileStore reopened = TestStores.open(dir)) {
            DocumentCollection orders = reopened.collection("orders");
            assertThat(orders.ids()).containsExactlyInAnyOrder("o1", "o2", "o3", "o4", "o5");
            assertThat(orders.findIds("userId", "u1")).hasSize(5);
            assertThat(reopened.getValue("batch", Integer.class)).contains(1);
        }
        assertThat(dir.resolve(FlushJournal.FILE_NAME)).doesNotExist();
        assertThat(countRecordFiles()).isEqualTo(5);
        assertThat(Files.readAllLines(dir.resolve("orders/indices/userId.jsonl"))).hasSize(5);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void logRecordsUpToTheJournalsSequenceGoBeforeItAndLoggedRecordsNeedNoJournal() throws Exception {
        FaultyStorageIO io = new FaultyStorageIO();
        FileStore store = FileStore.open(TestStores.options(dir).storageIO(io).build());
        store.runInTransaction(tx -> { // logged whole, because users is logged: orders/o1 gets "LOGGED" in the log
            store.collection("users").put("u1", json("email", "a@x.io"));
            store.collection("orders").put("o1", json("status", "LOGGED"));
        });
        store.collection("orders").put("o1", json("status", "NEWER")); // orders only: not logged, only journaled
        store.collection("users").put("u2", json("email", "b@x.io"));  // logged, never journaled
        io.failRenamesAfter(1); // the journal, then the crash before any record file
        assertThatThrownBy(store::flush).isInstanceOf(StorageException.class);
        assertThatThrownBy(store::close).isInstanceOf(StorageException.class);

        try (FileStore reopened = TestStores.open(dir)) {
            assertThat(reopened.collection("orders").get("o1").orElseThrow().get("status").stringValue()).isEqualTo("NEWER");
            assertThat(reopened.collection("users").ids()).containsExactlyInAnyOrder("u1", "u2");
        }
        try (FileStore again = TestStores.open(dir)) { // nothing stale is replayed a second time
            assertThat(again.collection("orders").get("o1").orElseThrow().get("status").stringValue()).isEqualTo("NEWER");
        }
        assertThat(dir.resolve(FlushJournal.FILE_NAME)).doesNotExist();
    }

    @Test
    void aCollectionLoggedSinceItsJournalWasWrittenIsJournaledAgainByTheFlushAfterRecovery() throws Exception {
        FaultyStorageIO io = new FaultyStorageIO();
        FileStore store = FileStore.open(TestStores.options(dir).storageIO(io).build()); // orders: wal false
        store.collection("orders").put("o1", json("status", "NEW"));
        store.setValue("batch", 1);
        io.failRenamesAfter(1); // the journal, then the crash before any record file
        assertThatThrownBy(store::flush).isInstanceOf(StorageException.class);
        assertThatThrownBy(store::close).isInstanceOf(StorageException.class);

        // reopened with orders logged now: the log does not hold o1, so the flush after recovery must journal it
        FaultyStorageIO reopening = new FaultyStorageIO();
        reopening.failRenamesAfter(1); // the recovery flush's journal, then the crash before any record file
        FileStoreOptions logged = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).storageIO(reopening)
                .collection(CollectionOptions.builder("orders").indexed("userId", "status", "total").build()).build();
        assertThatThrownBy(() -> FileStore.open(logged)).isInstanceOf(StorageException.class)
                .hasMessageContaining("o1.json");
        assertThat(new FlushJournal(StorageIO.nio(), null, dir).read().entries())
                .as("the journal that replaced the first one").anyMatch(entry -> "orders".equals(entry.collection()) && "o1".equals(entry.id()));
        assertThat(dir.resolve("orders/o1.json")).doesNotExist();

        try (FileStore reopened = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("orders").indexed("userId", "status", "total").build()).build())) {
            assertThat(reopened.collection("orders").ids()).containsExactly("o1");
            assertThat(reopened.getValue("batch", Integer.class)).contains(1);
        }
    }

    @Test
    void aTornJournalIsDiscardedBecauseNoRecordFileWasTouchedYet() throws Exception {
        try (FileStore store = TestStores.open(dir)) {
            store.collection("orders").put("o1", json("status", "NEW"));
        }
        Files.write(dir.resolve(FlushJournal.FILE_NAME), new byte[] {'F', 'S', 'J', '1', 0, 0, 0});
        try (FileStore store = TestStores.open(dir)) {
            assertThat(store.collection("orders").ids()).containsExactly("o1");
        }
        assertThat(dir.resolve(FlushJournal.FILE_NAME)).doesNotExist();
    }

    private long countRecordFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("orders"))) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
