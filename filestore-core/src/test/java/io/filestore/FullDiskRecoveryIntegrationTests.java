package io.filestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fills a small tmpfs with logged writes until the store fences itself, frees some room, and checks that
 * the reopen recovers every acknowledged write with little free space: the peak extra space recovery uses is
 * measured after every disk operation and must stay within the log above the checkpoint plus the largest
 * collection's files (README, "What survives what"). Skipped where mounting a tmpfs is not permitted.
 */
class FullDiskRecoveryIntegrationTests {

    /**
     * Between flushes the log fills what the filler leaves (about 7 MiB); deleting the filler frees
     * 9 MiB: room for the record files the log becomes, but not for a second copy of the log besides.
     */
    private static final long DISK = 16L * 1024 * 1024;
    private static final long FILLER = 9L * 1024 * 1024;
    /** For the new segment (header and the zeros ahead of its records), the checkpoint, the journal's header. */
    private static final long MARGIN = 1024 * 1024 + 64 * 1024;

    private static final long PAGE = 4096;

    @TempDir
    Path root;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aStoreFencedByAFullDiskReopensOnceALittleRoomIsFreed() throws Exception {
        mount = mountTmpfs(root.resolve("disk"));
        Path data = mount.resolve("data");
        Path filler = mount.resolve("filler");
        Files.write(filler, new byte[(int) FILLER]);
        List<String> acknowledged = new ArrayList<>();
        FileStore store = FileStore.open(options(data, StorageIO.nio()));
        try {
            for (int i = 0; ; i++) {
                try {
                    store.collection("users").put("u" + i, json("email", "u" + i + "@x.io", "bio", "x".repeat(200)));
                    acknowledged.add("u" + i);
                } catch (FileStoreException full) {
                    break;
                }
                if (i > 200_000) {
                    throw new AssertionError("the disk never filled up");
                }
            }
            assertThat(store.status().fenced()).as("the log ran out of room and fenced the store").isTrue();
        } finally {
            try {
                store.close();
            } catch (FileStoreException fenced) {
                // expected: a fenced store writes nothing more
            }
        }
        Files.delete(filler);
        long logAboveCheckpoint = sizeOf(data.resolve("_wal"));
        SpaceWatch watch = new SpaceWatch(StorageIO.nio(), mount);
        long before = watch.used();
        try (FileStore reopened = FileStore.open(options(data, watch))) {
            assertThat(reopened.collection("users").count()).isGreaterThanOrEqualTo(acknowledged.size());
            for (String id : acknowledged) {
                assertThat(reopened.collection("users").exists(id)).as(id).isTrue();
            }
        }
        long largestCollection = sizeOf(data.resolve("users.jsonl")) + sizeOf(data.resolve("indices/users"));
        long peakExtra = watch.peak() - before;
        System.out.printf("full disk recovery: %d acknowledged, log %d bytes, users %d bytes, peak extra %d bytes%n",
                acknowledged.size(), logAboveCheckpoint, largestCollection, peakExtra);
        assertThat(peakExtra).as("peak extra space during recovery (log %d, largest collection %d)", logAboveCheckpoint,
                largestCollection).isLessThanOrEqualTo(logAboveCheckpoint + largestCollection + MARGIN);
        try (FileStore again = FileStore.open(options(data, StorageIO.nio()))) {
            assertThat(again.collection("users").count()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static FileStoreOptions options(Path data, StorageIO io) {
        return FileStoreOptions.builder(data).storageIO(io).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").strategy(Strategy.SINGLE_FILE).format(Format.JSONL).build())
                .build();
    }

    private static Path mountTmpfs(Path dir) throws Exception {
        Files.createDirectories(dir);
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + DISK, "tmpfs", dir.toString());
        assumeTrue(exit == 0, "mounting a tmpfs is not permitted here (mount exited with " + exit
                + "); the full-disk recovery test needs root or CAP_SYS_ADMIN");
        return dir;
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) ? process.exitValue() : -1;
        } catch (IOException noSuchCommand) {
            return -1;
        }
    }

    /** The space a folder's files take on the tmpfs, which allocates whole pages. */
    private static long sizeOf(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        if (Files.isRegularFile(folder)) {
            return (Files.size(folder) + PAGE - 1) / PAGE * PAGE;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return (Files.size(file) + PAGE - 1) / PAGE * PAGE;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** The real file system, sampling the space used on a mount after every operation that can change it. */
    private static final class SpaceWatch implements StorageIO {
        private final StorageIO io;
        @SuppressWarnings("checkstyle:inlineFullyQualifiedName") // io.filestore.FileStore is the one this test uses
        private final java.nio.file.FileStore disk;
        private final AtomicLong peak = new AtomicLong();

        SpaceWatch(StorageIO io, Path mount) throws IOException {
            this.io = io;
            this.disk = Files.getFileStore(mount);
            sample();
        }

        long used() throws IOException {
            return disk.getTotalSpace() - disk.getUnallocatedSpace();
        }

        long peak() {
            return peak.get();
        }

        void sample() {
            try {
                peak.accumulateAndGet(used(), Math::max);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            io.createDirectories(dir);
            sample();
        }

        @Override
        public boolean exists(Path path) {
            return io.exists(path);
        }

        @Override
        public boolean isDirectory(Path path) {
            return io.isDirectory(path);
        }

        @Override
        public List<Path> list(Path dir) throws IOException {
            return io.list(dir);
        }

        @Override
        public byte[] readAllBytes(Path file) throws IOException {
            return io.readAllBytes(file);
        }

        @Override
        public long size(Path file) throws IOException {
            return io.size(file);
        }

        @Override
        public WritableFile createNew(Path file) throws IOException {
            return watched(io.createNew(file));
        }

        @Override
        public WritableFile openForAppend(Path file) throws IOException {
            return watched(io.openForAppend(file));
        }

        @Override
        public void moveAtomically(Path source, Path target) throws IOException {
            sample();
            io.moveAtomically(source, target);
            sample();
        }

        @Override
        public boolean deleteIfExists(Path path) throws IOException {
            sample();
            return io.deleteIfExists(path);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            io.syncDirectory(dir);
        }

        @Override
        public FolderLock lockFolder(Path dir, String lockFileName) throws IOException {
            return io.lockFolder(dir, lockFileName);
        }

        private WritableFile watched(WritableFile file) {
            return new WritableFile() {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    file.write(bytes, offset, length);
                    sample();
                }

                @Override
                public void force() throws IOException {
                    file.force();
                }

                @Override
                public void forceData() throws IOException {
                    file.forceData();
                }

                @Override
                public void preallocate(long from, long to) throws IOException {
                    file.preallocate(from, to);
                    sample();
                }

                @Override
                public long position() throws IOException {
                    return file.position();
                }

                @Override
                public void truncate(long size) throws IOException {
                    sample();
                    file.truncate(size);
                }

                @Override
                public void close() throws IOException {
                    file.close();
                }
            };
        }
    }
}
