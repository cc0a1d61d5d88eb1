package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGTERM after a burst of writes: with the default options, writers cannot run ahead of the flusher
 * without limit, so {@code close()} (which writes every dirty record) ends within a container's grace
 * period however long the load ran, and every acknowledged write is there after reopening. The bound is
 * on behaviour, not a micro-timing: without backpressure this load left tens of thousands of record
 * files for the close to write, which took from several times to ten times as long.
 */
class WriteBacklogIntegrationTests {

    private static final int WRITERS = 64;
    private static final Duration LOAD = Duration.ofSeconds(4);
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aCloseRightAfterHeavyLoadEndsWithinTenSecondsAndKeepsEveryAcknowledgedWrite() throws Exception {
        FileStoreOptions options = FileStoreOptions.builder(dir).collection(CollectionOptions.builder("items").build()).build();
        FileStore store = FileStore.open(options);
        DocumentCollection items = store.collection("items");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] acknowledged = new long[WRITERS]; // writer w's puts of w-0 .. w-(n-1) returned
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; !stop.get(); n++) {
                        items.put(writer + "-" + n, json("writer", writer, "n", n, "note", "a record of about 300 bytes "
                                + "x".repeat(200)));
                        acknowledged[writer] = n + 1;
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            }, "writer-" + w);
            thread.start();
            writers.add(thread);
        }

        Thread.sleep(LOAD.toMillis());
        stop.set(true);
        long loadEnded = System.nanoTime();
        for (Thread writer : writers) {
            writer.join();
        }
        store.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - loadEnded);

        assertThat(failure.get()).as("no writer failed").isNull();
        assertThat(closing).as("from the end of the load to the end of close()").isLessThan(GRACE_PERIOD);
        long total = 0;
        try (FileStore reopened = FileStore.open(options)) {
            DocumentCollection reread = reopened.collection("items");
            for (int w = 0; w < WRITERS; w++) {
                for (long n = 0; n < acknowledged[w]; n++) {
                    assertThat(reread.get(w + "-" + n)).as("acknowledged write %d-%d", w, n).isPresent();
                }
                total += acknowledged[w];
            }
            assertThat(reread.count()).isEqualTo(total);
        }
        assertThat(total).as("the load wrote").isPositive();
    }
}
