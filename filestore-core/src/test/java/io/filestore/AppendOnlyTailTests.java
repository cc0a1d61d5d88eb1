package io.filestore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.filestore.spi.StorageIO;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The end of an append-only log: a complete last line is never cut, whether or not it ends with a
 * newline; a last line cut short is cut away (to {@code _quarantine/}) only when the write-ahead log's
 * checkpoint proves its flush never completed, and is otherwise damage, quarantined and reported.
 */
class AppendOnlyTailTests {

    private static final Path DATA = Path.of("/simulated/data");

    @TempDir
    Path dir;

    private static FileStoreOptions options(Path dir, boolean wal) {
        return options(dir, wal, StorageIO.nio());
    }

    private static FileStoreOptions options(Path dir, boolean wal, StorageIO storage) {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).storageIO(storage)
                .collection(CollectionOptions.builder("audit").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                        .appendOnly(true).wal(wal).path(Path.of("logs/audit.jsonl")).indexed("action").build())
                .build();
    }

    @Test
    void aCompleteLastLineWithoutItsNewlineIsKeptAndTheNextAppendCompletesIt() throws Exception {
        Path log = dir.resolve("logs/audit.jsonl");
        try (FileStore store = FileStore.open(options(dir, true))) {
            store.collection("audit").put("a1", json("action", "create"));
            store.collection("audit").put("a2", json("action", "update"));
        }
        String written = Files.readString(log);
        assertThat(written).endsWith("\n");
        Files.writeString(log, written.substring(0, written.length() - 1)); // as an editor that drops the final newline

        try (FileStore store = FileStore.open(options(dir, true))) {
            assertThat(store.status().quarantinedFiles()).isEmpty();
            assertThat(store.collection("audit").ids()).containsExactlyInAnyOrder("a1", "a2");
            assertThat(store.collection("audit").findIds("action", "update")).containsExactly("a2");
            store.collection("audit").put("a3", json("action", "read"));
        }
        assertThat(Files.readString(log)).startsWith(written).endsWith("\n");
        try (FileStore store = FileStore.open(options(dir, true))) {
            assertThat(store.status().quarantinedFiles()).isEmpty();
            assertThat(store.collection("audit").get("a2")).contains(json("action", "update"));
            assertThat(store.collection("audit").get("a3")).contains(json("action", "read"));
        }
        assertThat(dir.resolve("_quarantine")).doesNotExist();
    }

    @Test
    void aLastLineCutInHalfAfterItsFlushWasCheckpointedIsQuarantinedAndReportedNotDropped() throws Exception {
        Path log = dir.resolve("logs/audit.jsonl");
        try (FileStore store = FileStore.open(options(dir, true))) {
            store.collection("audit").put("a1", json("action", "create"));
            store.flush();
            store.collection("audit").put("a2", json("action", "update"));
        }
        String written = Files.readString(log);
        String cut = written.substring(0, written.length() - 12); // an outside tool cuts the last line in half
        Files.writeString(log, cut);

        try (FileStore store = FileStore.open(options(dir, true))) {
            assertThat(store.status().quarantinedFiles()).singleElement().asString()
                    .contains(log.toString()).contains("line 4");
        }
        Path quarantined = dir.resolve("_quarantine/audit/audit.jsonl");
        assertThat(quarantined).hasContent(cut);
    }

    @ParameterizedTest(name = "wal {0}, the crash keeps {1} bytes of the append")
    @CsvSource({"true, 4", "true, 20", "true, 70", "false, 4", "false, 20", "false, 70"})
    void aTornAppendOfAFlushThatNeverCompletedIsCutToTheQuarantineAndItsRecordsComeBack(boolean wal, int keep) {
        Path log = DATA.resolve("logs/audit.jsonl");
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(DATA, wal, disk));
        DocumentCollection audit = store.collection("audit");
        for (int i = 1; i <= 3; i++) {
            audit.put("a" + i, json("action", "first", "n", i));
        }
        store.flush();
        for (int i = 4; i <= 6; i++) {
            audit.put("a" + i, json("action", "second", "n", i));
        }
        audit.delete("a1");
        disk.crashInWriteTo(log, keep);
        assertThatThrownBy(store::flush).isInstanceOf(StorageException.class);

        SimulatedDisk after = disk.afterProcessCrash();
        byte[] content = read(after, log);
        int lastNewline = lastIndexOf(content, (byte) '\n');
        byte[] torn = Arrays.copyOfRange(content, lastNewline + 1, content.length);
        assertThat(torn).isNotEmpty();

        for (int round = 1; round <= 2; round++) {
            try (FileStore reopened = FileStore.open(options(DATA, wal, after))) {
                DocumentCollection records = reopened.collection("audit");
                assertThat(records.ids()).as("round %d", round).containsExactlyInAnyOrder("a2", "a3", "a4", "a5", "a6");
                assertThat(records.get("a5")).contains(json("action", "second", "n", 5));
                assertThat(records.findIds("action", "first")).containsExactlyInAnyOrder("a2", "a3");
                assertThat(reopened.status().quarantinedFiles()).as("a torn append is not damage").isEmpty();
            }
        }
        List<Path> saved = after.allFiles().stream().filter(file -> file.startsWith(DATA.resolve("_quarantine/audit"))).toList();
        assertThat(saved).singleElement();
        assertThat(read(after, saved.get(0))).isEqualTo(torn);
    }

    @Test
    void aFailedAppendIsCutBackSoThatTheNextFlushAppendsAfterCompleteLines() {
        Path log = DATA.resolve("logs/audit.jsonl");
        SimulatedDisk disk = new SimulatedDisk();
        try (FileStore store = FileStore.open(options(DATA, true, disk))) {
            DocumentCollection audit = store.collection("audit");
            audit.put("a1", json("action", "first"));
            store.flush();
            audit.put("a2", json("action", "second"));
            disk.tearNextWriteTo(log, 20); // say the disk filled up in the middle of the append
            assertThatThrownBy(store::flush).isInstanceOf(StorageException.class);
            audit.put("a3", json("action", "third"));
            store.flush();
        }
        try (FileStore store = FileStore.open(options(DATA, true, disk))) {
            assertThat(store.status().quarantinedFiles()).isEmpty();
            assertThat(store.collection("audit").ids()).containsExactlyInAnyOrder("a1", "a2", "a3");
        }
    }

    private static byte[] read(SimulatedDisk disk, Path file) {
        try {
            return disk.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
