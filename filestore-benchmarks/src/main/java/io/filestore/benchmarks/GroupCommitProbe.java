package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.WalStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * Not a JMH benchmark: a diagnostic that runs {@link DurablePutBenchmark}'s workload (durable puts,
 * fsync per commit, {@code email} unique and {@code age} indexed) on N threads and prints what JMH
 * cannot show, read from the log's own statistics: fsyncs per second, records per fsync, the mean
 * fsync time and the share of the time an fsync was under way. That is how the 64-writer case was
 * found to be bound by fsync latency under load (README.md, "Figures behind design choices") rather
 * than by the disk's fsync rate.
 *
 * <p>Run: {@code java -Xms2g -Xmx2g -cp target/benchmarks.jar io.filestore.benchmarks.GroupCommitProbe [threads] [seconds]}
 * (64 and 5 by default; 2 s of warm-up come first).
 */
public final class GroupCommitProbe {

    private static final int DISTINCT_RECORDS = 1024;

    private GroupCommitProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = TempDirs.create("filestore-group-commit-probe");
        ObjectNode[] records = new ObjectNode[DISTINCT_RECORDS];
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            records[i] = Records.record(i);
        }
        try (FileStore store = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .maxDirtyRecords(0).maxUnflushedLogBytes(0) // as DurablePutBenchmark: the commit path alone
                .fsyncInterval(Duration.ZERO)
                .collection(CollectionOptions.builder("users").wal(true).unique("email").indexed("age")
                        .persister((options, path, context) -> new DiscardingPersister()).build())
                .build())) {
            DocumentCollection users = store.collection("users");
            AtomicInteger nextId = new AtomicInteger();
            AtomicLong puts = new AtomicLong();
            // not interrupts: a writer interrupted inside FileChannel.force closes the log's channel
            AtomicBoolean stop = new AtomicBoolean();
            Thread[] writers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                writers[t] = new Thread(() -> {
                    while (!stop.get()) {
                        int i = nextId.getAndIncrement();
                        users.put(Records.id(i), Records.withEmailOf(records[i & (DISTINCT_RECORDS - 1)], i));
                        puts.incrementAndGet();
                    }
                }, "writer-" + t);
                writers[t].setDaemon(true);
                writers[t].start();
            }
            Thread.sleep(2000);
            long putsBefore = puts.get();
            WalStatus before = store.status().wal();
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long putsAfter = puts.get();
            WalStatus after = store.status().wal();
            double elapsed = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            long fsyncs = after.fsyncCount() - before.fsyncCount();
            double fsyncSeconds = (after.totalFsyncNanos() - before.totalFsyncNanos()) / 1e9;
            System.out.printf("%d writers: %.0f puts/s, %.0f fsyncs/s, %.1f records per fsync, mean fsync %.0f us,"
                            + " an fsync under way %.0f%% of the time%n", threads, (putsAfter - putsBefore) / elapsed,
                    fsyncs / elapsed, (double) (putsAfter - putsBefore) / fsyncs, fsyncSeconds / fsyncs * 1e6,
                    fsyncSeconds / elapsed * 100);
        } finally {
            TempDirs.delete(dir);
        }
    }
}
