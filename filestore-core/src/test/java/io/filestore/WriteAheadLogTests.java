package io.filestore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.internal.wal.SegmentFormat;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteAheadLogTests {

    private static final Path DATA = Path.of("/simulated/data");

    @TempDir
    Path dir;

    private static FileStoreOptions.Builder options(SimulatedDisk disk) {
        return FileStoreOptions.builder(DATA).storageIO(disk).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").unique("email").build());
    }

    /** Five logged puts, never flushed; returns the disk as a crash leaves it and the segment's path. */
    private static SimulatedDisk crashedWithFiveLoggedPuts() {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).build());
        for (int i = 1; i <= 5; i++) {
            store.collection("users").put("u" + i, json("email", "u" + i + "@x.io"));
        }
        return disk.afterPowerLoss(); // the store is abandoned, as a killed process would leave it
    }

    private static Path segment(SimulatedDisk disk) {
        return disk.allFiles().stream().filter(p -> p.getFileName().toString().startsWith("segment-"))
                .filter(p -> {
                    try {
                        return disk.size(p) > SegmentFormat.HEADER_SIZE;
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
    }

    /** The start offsets of the records of a segment, followed by their end (where the zeros ahead start). */
    private static List<Integer> recordOffsets(byte[] segment) {
        List<Integer> offsets = new ArrayList<>();
        int offset = SegmentFormat.HEADER_SIZE;
        while (offset < segment.length && ByteBuffer.wrap(segment).getInt(offset) != 0) {
            offsets.add(offset);
            offset += SegmentFormat.frameSize(ByteBuffer.wrap(segment).getInt(offset));
        }
        offsets.add(offset);
        return offsets;
    }

    @Test
    void acknowledgedLoggedWritesSurvivePowerLossWithoutAFlush() {
        SimulatedDisk crashed = crashedWithFiveLoggedPuts();
        try (FileStore store = FileStore.open(options(crashed).build())) {
            assertThat(store.collection("users").ids()).containsExactlyInAnyOrder("u1", "u2", "u3", "u4", "u5");
            assertThat(store.collection("users").findIds("email", "u4@x.io")).containsExactly("u4");
            assertThat(store.status().lastSequence()).isEqualTo(5);
        }
    }

    @Test
    void theZerosAllocatedAheadOfTheRecordsReadBackAsTheSegmentsCleanEnd() throws Exception {
        SimulatedDisk crashed = crashedWithFiveLoggedPuts();
        byte[] bytes = crashed.readAllBytes(segment(crashed));
        int recordsEnd = recordOffsets(bytes).get(5);
        assertThat(bytes.length).as("1 MiB of zeros written ahead").isGreaterThanOrEqualTo(SegmentFormat.HEADER_SIZE + 1024 * 1024);
        assertThat(Arrays.copyOfRange(bytes, recordsEnd, bytes.length)).containsOnly(0);
        try (FileStore store = FileStore.open(options(crashed).build())) {
            assertThat(store.collection("users").count()).isEqualTo(5);
            assertThat(store.status().lastSequence()).isEqualTo(5);
        }
    }

    @Test
    void aTornTailIsCutAtEveryByteOffsetOfTheLastRecords() throws Exception {
        SimulatedDisk crashed = crashedWithFiveLoggedPuts();
        Path segment = segment(crashed);
        byte[] bytes = crashed.readAllBytes(segment);
        List<Integer> offsets = recordOffsets(bytes);
        assertThat(offsets).hasSize(6);
        assertThat(bytes.length).as("zeros allocated ahead of the records").isGreaterThan(offsets.get(5));
        for (int cut = offsets.get(3); cut < offsets.get(5); cut++) {
            int complete = 0; // records whose frame ends at or before the cut
            while (complete + 1 < offsets.size() && offsets.get(complete + 1) <= cut) {
                complete++;
            }
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= complete; i++) {
                expected.add("u" + i);
            }
            // a write torn inside the zeros allocated ahead leaves the zeros after the torn record
            SimulatedDisk disk = crashed.afterPowerLoss();
            disk.replaceContent(segment, zeroedFrom(bytes, cut));
            try (FileStore store = FileStore.open(options(disk).build())) {
                assertThat(store.collection("users").ids()).as("cut at byte %d", cut).containsExactlyInAnyOrderElementsOf(expected);
            }
            try (FileStore again = FileStore.open(options(disk).build())) {
                assertThat(again.collection("users").count()).as("reopened after the cut at %d", cut).isEqualTo(complete);
            }
            // a segment is created whole, so one that ends at the cut was cut by something else: refused, unless accepted
            SimulatedDisk truncated = crashed.afterPowerLoss();
            truncated.replaceContent(segment, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> FileStore.open(options(truncated).build())).as("truncated at byte %d", cut)
                    .isInstanceOf(WriteAheadLogLossException.class).hasMessageContaining("is cut to " + cut + " bytes");
            try (FileStore store = FileStore.open(options(truncated).acceptLogLoss(true).build())) {
                assertThat(store.collection("users").ids()).as("truncated at byte %d, loss accepted", cut)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
            try (FileStore again = FileStore.open(options(truncated).build())) {
                assertThat(again.collection("users").count()).as("reopened after accepting the cut at %d", cut).isEqualTo(complete);
            }
        }
    }

    private static byte[] zeroedFrom(byte[] bytes, int from) {
        byte[] torn = bytes.clone();
        Arrays.fill(torn, from, torn.length, (byte) 0);
        return torn;
    }

    @Test
    void aDamagedRecordFollowedByValidOnesRefusesToOpenNamingFileAndOffset() throws Exception {
        SimulatedDisk disk = crashedWithFiveLoggedPuts();
        Path segment = segment(disk);
        byte[] bytes = disk.readAllBytes(segment);
        int second = recordOffsets(bytes).get(1);
        bytes[second + SegmentFormat.FRAME_HEADER_SIZE + 3] ^= 0x20;
        disk.replaceContent(segment, bytes);
        assertThatThrownBy(() -> FileStore.open(options(disk).build()))
                .isInstanceOf(CorruptedFileException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("offset " + second)
                .hasMessageContaining("followed by a valid record");
        assertThat(disk.readAllBytes(segment)).isEqualTo(bytes); // refused, so nothing was cut
    }

    @Test
    void aSegmentFromAnotherStoreIsNeverReplayed() throws Exception {
        SimulatedDisk ours = crashedWithFiveLoggedPuts();
        SimulatedDisk theirs = crashedWithFiveLoggedPuts();
        Path foreign = segment(ours).resolveSibling("segment-0000000000000099.wal");
        ours.createNew(foreign).write(theirs.readAllBytes(segment(theirs)));
        assertThatThrownBy(() -> FileStore.open(options(ours).build()))
                .isInstanceOf(CorruptedFileException.class)
                .hasMessageContaining(foreign.toString())
                .hasMessageContaining("another store");
    }

    @Test
    void replayingTheSameLogTwiceGivesTheSameState() throws Exception {
        SimulatedDisk crashed = crashedWithFiveLoggedPuts();
        Path segment = segment(crashed);
        byte[] log = crashed.readAllBytes(segment);
        Path checkpoint = DATA.resolve("_wal/checkpoint.json");
        byte[] originalCheckpoint = crashed.readAllBytes(checkpoint);
        SimulatedDisk disk = crashed.afterPowerLoss();
        try (FileStore store = FileStore.open(options(disk).build())) {
            assertThat(store.collection("users").count()).isEqualTo(5); // replayed, flushed, the segment dropped
        }
        // put the old log and checkpoint back: the records it holds are all in the record files already (a
        // later write would make this a log with a hole, which is refused: see LogGapTests)
        disk.createNew(segment).write(log);
        disk.replaceContent(checkpoint, originalCheckpoint);
        try (FileStore store = FileStore.open(options(disk).build())) {
            assertThat(store.collection("users").count()).isEqualTo(5);
            assertThat(store.collection("users").findIds("email", "u2@x.io")).containsExactly("u2");
            assertThat(store.collection("users").findIds("email", "u1@x.io")).containsExactly("u1");
        }
    }

    @Test
    void aFailedFsyncFailsThePendingWriteFencesTheStoreAndReopeningRecovers() throws Exception {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).build());
        DocumentCollection users = store.collection("users");
        users.put("u0", json("email", "u0@x.io"));
        disk.failAt(2, false); // the group's write succeeds, its fsync fails (once: it must not be retried)

        assertThatThrownBy(() -> users.put("u1", json("email", "u1@x.io")))
                .isInstanceOf(WriteAheadLogException.class).hasMessageContaining("not acknowledged");
        int operationsAfterFailure = disk.operations();
        assertThat(store.status().fenced()).isTrue();
        assertThat(store.status().fencedReason()).contains("injected failure");
        assertThatThrownBy(() -> users.put("u2", json("email", "u2@x.io"))).isInstanceOf(StoreFencedException.class);
        assertThatThrownBy(store::flush).isInstanceOf(StoreFencedException.class);
        assertThat(users.get("u0")).isPresent(); // reads still work
        assertThat(disk.operations()).as("nothing touches the disk once fenced").isEqualTo(operationsAfterFailure);
        assertThatThrownBy(store::close).isInstanceOf(StoreFencedException.class);

        try (FileStore reopened = FileStore.open(options(disk).build())) {
            assertThat(reopened.collection("users").ids()).containsExactly("u0");
            reopened.collection("users").put("u3", json("email", "u3@x.io"));
        }
        try (FileStore reopened = FileStore.open(options(disk.afterPowerLoss()).build())) {
            assertThat(reopened.collection("users").ids()).containsExactlyInAnyOrder("u0", "u3");
        }
    }

    @Test
    void aFailedAppendFailsThePendingWriteAndFences() {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).build());
        disk.failAt(1, true); // ENOSPC from the next write on
        assertThatThrownBy(() -> store.collection("users").put("u1", json("email", "u1@x.io")))
                .isInstanceOf(WriteAheadLogException.class);
        assertThat(store.status().fenced()).isTrue();
        // with fsync per commit the group is written after the apply: the refused write may be seen until reopen
        assertThatThrownBy(store::close).isInstanceOf(StoreFencedException.class);
        disk.heal();
        try (FileStore reopened = FileStore.open(options(disk).build())) {
            assertThat(reopened.collection("users").exists("u1")).isFalse();
        }
    }

    @Test
    void withAnFsyncIntervalWritesReturnBeforeTheirFsyncAndSurviveAProcessCrash() {
        SimulatedDisk disk = new SimulatedDisk();
        FileStore store = FileStore.open(options(disk).fsyncInterval(Duration.ofHours(1)).build());
        for (int i = 1; i <= 3; i++) {
            store.collection("users").put("u" + i, json("email", "u" + i + "@x.io"));
        }
        assertThat(store.status().wal().fsyncCount()).isZero();
        try (FileStore afterKill = FileStore.open(options(disk.afterProcessCrash()).build())) {
            assertThat(afterKill.collection("users").ids()).containsExactlyInAnyOrder("u1", "u2", "u3");
        }
        try (FileStore afterPowerLoss = FileStore.open(options(disk.afterPowerLoss()).build())) {
            assertThat(afterPowerLoss.collection("users").count()).as("may lose up to the interval").isBetween(0, 3);
        }
    }

    @Test
    void concurrentWritersShareFsyncs() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").build()).build();
        int threads = 16;
        int perThread = 40;
        try (FileStore store = FileStore.open(options)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.collection("users").put(thread + "-" + i, json("i", i));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long fsyncs = store.status().wal().fsyncCount();
            assertThat(fsyncs).as("one fsync per group, not per write").isLessThan(threads * perThread);
            assertThat(store.status().wal().lastSequence()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void aFlushCheckpointsTheLogAndDropsCoveredSegments() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").build()).build();
        try (FileStore store = FileStore.open(options)) {
            for (int i = 0; i < 10; i++) {
                store.collection("users").put("u" + i, json("i", i));
            }
            assertThat(store.status().wal().checkpointSequence()).isZero();
            store.flush();
            assertThat(store.status().wal().checkpointSequence()).isEqualTo(10);
            assertThat(Files.readString(dir.resolve("_wal/checkpoint.json"))).contains("\"sequence\":10");
            assertThat(store.status().wal().segments()).isEqualTo(1);
        }
        try (Stream<Path> segments = Files.list(dir.resolve("_wal"))) {
            assertThat(segments.filter(p -> p.toString().endsWith(".wal")).count()).isLessThanOrEqualTo(1);
        }
    }
}
