package io.filestore.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;

/**
 * Heap bytes per record of a {@code memory-only} collection with two indexes ({@code email} unique,
 * {@code username}), compared with the record's compact JSON size (PERFORMANCE.md: report it at 1M
 * records, aim for under 3x). Not a JMH benchmark: memory is a state, not a rate.
 *
 * <p>Method: open a store with an empty collection, force GC and read the used heap; put the records
 * (in transactions of 1000); force GC again and read the used heap; the difference divided by the
 * record count is the retained cost of one record: its bytes, its id, the record map entry and both
 * index entries (hash and sorted). GC is forced with {@code System.gc()} five times with short
 * sleeps; with G1 (the default) this is a full collection, so "used" is close to the live set.
 *
 * <p>Run: {@code java -Xmx4g -cp target/benchmarks.jar io.filestore.benchmarks.HeapPerRecord [records]}
 * (default 1000000). With {@code -Dheap.histogram=N} it then prints the first N rows of the live heap's
 * class histogram ({@code jmap -histo:live} of its own process): where the bytes per record go.
 */
public final class HeapPerRecord {

    private HeapPerRecord() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Path dir = TempDirs.create("heap");
        try (FileStore store = FileStore.open(FileStoreOptions.builder(dir)
                .flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users")
                        .strategy(Strategy.MEMORY_ONLY)
                        .unique("email")
                        .indexed("username")
                        .build())
                .build())) {
            DocumentCollection users = store.collection("users");
            long before = usedHeapAfterGc(memory);
            long jsonBytes = 0;
            int batch = 1000;
            for (int first = 0; first < records; first += batch) {
                int from = first;
                int to = Math.min(records, first + batch);
                long batchBytes = store.callInTransaction(tx -> {
                    long sum = 0;
                    for (int i = from; i < to; i++) {
                        byte[] json = Records.compactBytes(i);
                        sum += json.length;
                        users.put(Records.id(i), Records.record(i));
                    }
                    return sum;
                });
                jsonBytes += batchBytes;
            }
            long after = usedHeapAfterGc(memory);
            if (users.count() != records) {
                throw new IllegalStateException("expected " + records + " records, found " + users.count());
            }
            double perRecord = (after - before) / (double) records;
            double jsonPerRecord = jsonBytes / (double) records;
            System.out.printf("JVM: %s %s, max heap %d MB, GC: %s%n", System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, gcNames());
            System.out.printf("records: %,d (memory-only, indexes: email unique, username)%n", records);
            System.out.printf("used heap after GC: before %,d bytes, after %,d bytes, retained %,d bytes%n",
                    before, after, after - before);
            System.out.printf("heap per record: %.1f bytes%n", perRecord);
            System.out.printf("compact JSON per record: %.1f bytes%n", jsonPerRecord);
            System.out.printf("ratio heap / JSON: %.2fx%n", perRecord / jsonPerRecord);
            int histogram = Integer.getInteger("heap.histogram", 0);
            if (histogram > 0) {
                printHistogram(histogram);
            }
            Reference.reachabilityFence(users);
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** The used heap after five {@code System.gc()} calls with short sleeps: close to the live set with G1. */
    static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The first rows of this process's live class histogram, from the JDK's {@code jmap}. */
    private static void printHistogram(int rows) throws IOException, InterruptedException {
        Path jmap = Path.of(System.getProperty("java.home"), "bin", "jmap");
        Process process = new ProcessBuilder(jmap.toString(), "-histo:live", String.valueOf(ProcessHandle.current().pid()))
                .redirectErrorStream(true).start();
        try (BufferedReader lines = process.inputReader()) {
            lines.lines().limit(rows + 3L).forEach(System.out::println);
        }
        process.waitFor();
    }

    private static String gcNames() {
        StringBuilder names = new StringBuilder();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.append(names.length() == 0 ? "" : ", ").append(gc.getName());
        }
        return names.toString();
    }
}
