package io.filestore.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.map.MapKeyValueAdapter;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Disk bytes and heap bytes per record, FileStore and the peers, written as JSON for the report.
 * Not a JMH benchmark: these are sizes, not rates.
 * <ul>
 *   <li>Disk: {@code records} records written (FileStore in each persisted layout, with
 *       {@code email} unique and {@code age} indexed; each peer through its adapter), the store
 *       closed, then every file of its folder summed: the apparent size, and the space allocated on
 *       disk as {@code du -s -B1} reports it (one file per record costs a whole file-system block
 *       each).</li>
 *   <li>Heap: the retained heap of {@code records} records (used heap after GC, as
 *       {@link HeapPerRecord} measures it) in a {@code memory-only} FileStore collection with the same
 *       two indexes, or in a Spring Data KeyValue map (the entities of {@link RepositoryBenchmark}).
 *       One store per JVM: garbage a previous measurement left behind would otherwise be collected
 *       during the next one and make it look smaller. The other peers keep their data on disk and
 *       hold a bounded page cache, so their heap does not grow per record and is not measured.</li>
 * </ul>
 * Run: {@code java -Xmx6g -cp benchmarks.jar io.filestore.benchmarks.Footprint disk|filestore-heap|keyvalue-heap
 * records out.json}.
 */
public final class Footprint {

    /** What the suite runs, one child JVM each. */
    public static final List<String> PARTS = List.of("disk", "filestore-heap", "keyvalue-heap");

    private final int records;
    private final ObjectNode result = FileStoreOptions.defaultJsonMapper().createObjectNode();

    private Footprint(int records) {
        this.records = records;
    }

    public static void main(String[] args) throws Exception {
        Footprint footprint = new Footprint(Integer.parseInt(args[1]));
        switch (args[0]) {
            case "disk" -> footprint.measureDisk();
            case "filestore-heap" -> footprint.measureFileStoreHeap();
            case "keyvalue-heap" -> footprint.measureKeyValueHeap();
            default -> throw new IllegalArgumentException("unknown part " + args[0] + "; use one of " + PARTS);
        }
        FileStoreOptions.defaultJsonMapper().writerWithDefaultPrettyPrinter().writeValue(Paths.get(args[2]).toFile(), footprint.result);
    }

    private void measureDisk() {
        result.put("diskRecords", records);
        ArrayNode disk = result.putArray("disk");
        for (String layout : new String[] {"file-per-record", "single-file-jsonl", "compressed"}) {
            disk.add(diskOf("filestore " + layout, dir -> {
                try (FileStore store = FileStore.open(persisted(dir, layout))) {
                    Records.fill(store.collection("users"), store, records);
                }
            }));
        }
        for (String peer : new String[] {"sqlite", "h2-sql", "h2-mvstore", "nitrite"}) {
            disk.add(diskOf(peer, dir -> PeerDataSets.fill(peer, records, dir)));
        }
    }

    private FileStoreOptions persisted(Path dir, String layout) {
        CollectionOptions.Builder users = CollectionOptions.builder("users").unique("email").indexed("age");
        switch (layout) {
            case "single-file-jsonl" -> users.strategy(Strategy.SINGLE_FILE).format(Format.JSONL);
            case "compressed" -> users.strategy(Strategy.COMPRESSED);
            default -> users.strategy(Strategy.FILE_PER_RECORD);
        }
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).collection(users.build()).build();
    }

    private ObjectNode diskOf(String store, Consumer<Path> write) {
        Path dir = TempDirs.create("footprint");
        try {
            write.accept(dir);
            ObjectNode entry = FileStoreOptions.defaultJsonMapper().createObjectNode().put("store", store);
            entry.put("apparentBytesPerRecord", TempDirs.apparentBytes(dir, file -> true) / (double) records);
            long allocated = allocatedBytes(dir);
            if (allocated >= 0) {
                entry.put("allocatedBytesPerRecord", allocated / (double) records);
            }
            System.out.println("[footprint] " + entry);
            return entry;
        } finally {
            TempDirs.delete(dir);
        }
    }

    private void measureFileStoreHeap() throws InterruptedException {
        Path dir = TempDirs.create("footprint-heap");
        try (FileStore store = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").strategy(Strategy.MEMORY_ONLY)
                        .unique("email").indexed("age").build())
                .build())) {
            long retained = retainedBy(() -> {
                Records.fill(store.collection("users"), store, records);
                return store;
            });
            heapEntry("filestore memory-only", retained);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private void measureKeyValueHeap() throws InterruptedException {
        heapEntry("keyvalue", retainedBy(() -> {
            KeyValueTemplate map = new KeyValueTemplate(new MapKeyValueAdapter());
            for (int i = 0; i < records; i++) {
                map.insert(RepositoryBenchmark.user(i));
            }
            return map;
        }));
    }

    /** The growth of the used heap (after GC) while {@code build} runs, with what it returns kept alive. */
    private static long retainedBy(Supplier<Object> build) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = HeapPerRecord.usedHeapAfterGc(memory);
        Object kept = build.get();
        long after = HeapPerRecord.usedHeapAfterGc(memory);
        Reference.reachabilityFence(kept);
        return after - before;
    }

    private void heapEntry(String store, long retained) {
        long jsonBytes = 0;
        for (int i = 0; i < records; i++) {
            jsonBytes += Records.compactBytes(i).length;
        }
        result.put("heapRecords", records);
        ObjectNode entry = result.putArray("heap").addObject().put("store", store)
                .put("bytesPerRecord", retained / (double) records)
                .put("jsonBytesPerRecord", jsonBytes / (double) records);
        System.out.println("[footprint] " + entry);
    }

    /** What {@code du -s -B1} says the folder occupies, or -1 where {@code du} is not there. */
    private static long allocatedBytes(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-s", "-B1", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            if (!du.waitFor(30, TimeUnit.SECONDS) || du.exitValue() != 0) {
                return -1;
            }
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
