package io.filestore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.internal.wal.SegmentFormat;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write-ahead log with a hole in it refuses the open, naming what is missing and how to accept the
 * loss, instead of silently opening without the transactions that were in it; the store's own crash
 * windows (a checkpoint written, segments not yet dropped; a segment created, no record yet) still open.
 */
class LogGapTests {

    private static final Path DATA = Path.of("/simulated/data");
    private static final Path WAL = DATA.resolve("_wal");
    private static final Path CHECKPOINT = WAL.resolve("checkpoint.json");

    private static FileStoreOptions.Builder options(SimulatedDisk disk) {
        return FileStoreOptions.builder(DATA).storageIO(disk).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").unique("email").build());
    }

    private static Path segment(long number) {
        return WAL.resolve(String.format("segment-%016d.wal", number));
    }

    /** Five logged puts, never flushed, as a killed process leaves them. */
    private static SimulatedDisk crashedWithFiveLoggedPuts() {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).build());
        for (int i = 1; i <= 5; i++) {
            store.collection("users").put("u" + i, json("email", "u" + i + "@x.io"));
        }
        return disk.afterProcessCrash();
    }

    /** Logged puts of 600 KB records until the log rolled to a second segment, never flushed. */
    private static SimulatedDisk crashedWithTwoSegmentsAboveTheCheckpoint() throws Exception {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).build());
        String big = "x".repeat(600 * 1024);
        for (int i = 1; !disk.exists(segment(2)) || recordsIn(disk, segment(2)) < 2; i++) {
            if (i > 100) {
                throw new AssertionError("the log never rolled to a second segment");
            }
            store.collection("users").put("u" + i, json("email", "u" + i + "@x.io", "bio", big));
        }
        assertThat(store.status().wal().checkpointSequence()).isZero();
        return disk.afterProcessCrash();
    }

    private static int recordsIn(SimulatedDisk disk, Path segment) throws Exception {
        byte[] bytes = disk.readAllBytes(segment);
        int offset = SegmentFormat.HEADER_SIZE;
        int records = 0;
        while (offset + SegmentFormat.FRAME_HEADER_SIZE <= bytes.length && ByteBuffer.wrap(bytes).getInt(offset) != 0) {
            offset += SegmentFormat.frameSize(ByteBuffer.wrap(bytes).getInt(offset));
            records++;
        }
        return records;
    }

    @Test
    void deletingTheFirstOfTwoSegmentsAboveTheCheckpointRefusesTheOpen() throws Exception {
        SimulatedDisk disk = crashedWithTwoSegmentsAboveTheCheckpoint();
        int inFirst = recordsIn(disk, segment(1));
        disk.deleteIfExists(segment(1));
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(WriteAheadLogLossException.class)
                .hasMessageContaining(segment(1).getFileName().toString())
                .hasMessageContaining("transactions 1 to " + inFirst)
                .hasMessageContaining("acceptLogLoss(true)");
        assertThat(disk.exists(segment(2))).as("a refused open changes nothing").isTrue();
    }

    @Test
    void acceptingTheLossOfTheFirstSegmentOpensWithTheRestAndReportsIt() throws Exception {
        SimulatedDisk disk = crashedWithTwoSegmentsAboveTheCheckpoint();
        int inFirst = recordsIn(disk, segment(1));
        int inSecond = recordsIn(disk, segment(2));
        disk.deleteIfExists(segment(1));
        try (FileStore store = FileStore.open(options(disk).acceptLogLoss(true).build())) {
            assertThat(store.collection("users").count()).isEqualTo(inSecond);
            assertThat(store.collection("users").exists("u" + (inFirst + 1))).isTrue();
            assertThat(store.status().wal().acceptedLoss()).singleElement().asString()
                    .contains("transactions 1 to " + inFirst);
        }
        try (FileStore store = FileStore.open(options(disk).build())) { // the loss was accepted once, for good
            assertThat(store.collection("users").count()).isEqualTo(inSecond);
            assertThat(store.status().wal().acceptedLoss()).isEmpty();
        }
    }

    @Test
    void raisingTheCheckpointSequenceRefusesTheOpen() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        String text = new String(disk.readAllBytes(CHECKPOINT), StandardCharsets.UTF_8);
        Matcher sequence = Pattern.compile("\"sequence\":(\\d+)").matcher(text);
        assertThat(sequence.find()).isTrue();
        String raised = sequence.replaceFirst("\"sequence\":" + (Long.parseLong(sequence.group(1)) + 40));
        disk.replaceContent(CHECKPOINT, raised.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(CorruptedFileException.class)
                .hasMessageContaining(CHECKPOINT.toString())
                .hasMessageContaining("checksum");
    }

    @Test
    void aDamagedCheckpointRefusesTheOpenNamingTheFile() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        byte[] bytes = disk.readAllBytes(CHECKPOINT);
        int inStoreId = new String(bytes, StandardCharsets.UTF_8).indexOf("\"storeId\":\"") + 12;
        bytes[inStoreId] = (byte) (bytes[inStoreId] == 'a' ? 'b' : 'a'); // still a well-formed UUID
        disk.replaceContent(CHECKPOINT, bytes);
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(CorruptedFileException.class)
                .hasMessageContaining(CHECKPOINT.toString());
    }

    @Test
    void deletingTheOnlySegmentRefusesTheOpen() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        disk.deleteIfExists(segment(1));
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(WriteAheadLogLossException.class)
                .hasMessageContaining(segment(1).getFileName().toString())
                .hasMessageContaining("acceptLogLoss(true)");
    }

    @Test
    void acceptingTheLossOfTheOnlySegmentOpensEmptyAndReportsIt() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        disk.deleteIfExists(segment(1));
        try (FileStore store = FileStore.open(options(disk).acceptLogLoss(true).build())) {
            assertThat(store.collection("users").count()).isZero();
            assertThat(store.status().wal().acceptedLoss()).isNotEmpty()
                    .anySatisfy(loss -> assertThat(loss).contains(segment(1).getFileName().toString()));
            store.collection("users").put("u9", json("email", "u9@x.io"));
        }
        try (FileStore store = FileStore.open(options(disk.afterPowerLoss()).build())) {
            assertThat(store.collection("users").ids()).containsExactly("u9");
        }
    }

    @Test
    void cuttingTheOnlySegmentToItsHeaderRefusesTheOpen() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        byte[] bytes = disk.readAllBytes(segment(1));
        disk.replaceContent(segment(1), Arrays.copyOf(bytes, SegmentFormat.HEADER_SIZE));
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(WriteAheadLogLossException.class)
                .hasMessageContaining(segment(1).getFileName().toString())
                .hasMessageContaining("cut")
                .hasMessageContaining("acceptLogLoss(true)");
        assertThat(disk.size(segment(1))).as("a refused open changes nothing").isEqualTo(SegmentFormat.HEADER_SIZE);
    }

    @Test
    void cuttingTheOnlySegmentInsideItsHeaderRefusesTheOpen() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        byte[] bytes = disk.readAllBytes(segment(1));
        disk.replaceContent(segment(1), Arrays.copyOf(bytes, 20));
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(WriteAheadLogLossException.class)
                .hasMessageContaining(segment(1).getFileName().toString());
        assertThat(disk.exists(segment(1))).isTrue();
    }

    @Test
    void aKilledStoreWhoseNewestSegmentIsDeletedRefusesTheOpenOnARealDisk(@TempDir Path root) throws Exception {
        Path dir = root.resolve("data");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(), "r", "file-per-record")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && acknowledged < 500; line = out.readLine()) {
                if (line.startsWith("U ")) {
                    acknowledged++;
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no flush, no close
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("the child wrote").isEqualTo(500);
        Path newest;
        try (Stream<Path> files = Files.list(dir.resolve("_wal"))) {
            newest = files.filter(file -> file.getFileName().toString().endsWith(".wal")).max(Comparator.naturalOrder()).orElseThrow();
        }
        Files.delete(newest);
        FileStoreOptions options = CrashWriter.options(dir, "file-per-record");
        assertThatThrownBy(() -> FileStore.open(options))
                .isInstanceOf(WriteAheadLogLossException.class)
                .hasMessageContaining(newest.getFileName().toString());
        FileStoreOptions accepting = new FileStoreOptions(options.dataDir(), options.flushInterval(), options.fsyncInterval(),
                options.collections(), options.jsonMapper(), options.storageIO(), options.watch(), true,
                options.maxDirtyRecords(), options.maxUnflushedLogBytes(), null);
        try (FileStore store = FileStore.open(accepting)) {
            assertThat(store.status().wal().acceptedLoss()).anySatisfy(loss -> assertThat(loss).contains(newest.getFileName().toString()));
        }
        try (FileStore store = FileStore.open(options)) {
            assertThat(store.status().wal().acceptedLoss()).isEmpty();
        }
    }

    @Test
    void aFreshStoreAFlushedStoreAndACleanlyClosedStoreOpenAsUsual() throws Exception {
        SimulatedDisk fresh = new SimulatedDisk();
        try (FileStore store = FileStore.open(options(fresh).build())) {
            assertThat(store.status().wal().acceptedLoss()).isEmpty();
        }
        SimulatedDisk disk = fresh.afterPowerLoss();
        FileStore store = FileStore.open(options(disk).build());
        store.collection("users").put("u1", json("email", "u1@x.io"));
        store.flush(); // the checkpoint covers everything; the store drops the covered segment itself
        store.collection("users").put("u2", json("email", "u2@x.io"));
        SimulatedDisk crashed = disk.afterProcessCrash();
        try (FileStore reopened = FileStore.open(options(crashed).build())) {
            assertThat(reopened.collection("users").ids()).containsExactlyInAnyOrder("u1", "u2");
        }
        try (FileStore reopened = FileStore.open(options(crashed.afterPowerLoss()).build())) {
            assertThat(reopened.collection("users").ids()).containsExactlyInAnyOrder("u1", "u2");
        }
    }

    @Test
    void anOldCheckpointAndAVersion1SegmentStillOpen() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        String text = new String(disk.readAllBytes(CHECKPOINT), StandardCharsets.UTF_8);
        Matcher storeId = Pattern.compile("\"storeId\":\"([0-9a-f-]{36})\"").matcher(text);
        assertThat(storeId.find()).isTrue();
        UUID id = UUID.fromString(storeId.group(1));
        disk.replaceContent(CHECKPOINT, ("{\"storeId\":\"" + id + "\",\"sequence\":0}\n").getBytes(StandardCharsets.UTF_8));
        byte[] current = disk.readAllBytes(segment(1));
        int records = recordsIn(disk, segment(1));
        int end = SegmentFormat.HEADER_SIZE;
        for (int i = 0; i < records; i++) {
            end += SegmentFormat.frameSize(ByteBuffer.wrap(current).getInt(end));
        }
        byte[] frames = Arrays.copyOfRange(current, SegmentFormat.HEADER_SIZE, end);
        ByteBuffer version1 = ByteBuffer.allocate(40 + frames.length);
        version1.putLong(0x465357414C303031L).putInt(1).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).putLong(1);
        CRC32C crc = new CRC32C();
        crc.update(version1.array(), 0, 36);
        version1.putInt((int) crc.getValue()).put(frames);
        disk.replaceContent(segment(1), version1.array()); // as the previous version wrote it: no zeros ahead
        try (FileStore store = FileStore.open(options(disk).build())) {
            assertThat(store.collection("users").ids()).containsExactlyInAnyOrder(List.of("u1", "u2", "u3", "u4", "u5").toArray(String[]::new));
        }
        try (FileStore store = FileStore.open(options(disk.afterPowerLoss()).build())) {
            assertThat(store.collection("users").count()).isEqualTo(5);
        }
    }
}
