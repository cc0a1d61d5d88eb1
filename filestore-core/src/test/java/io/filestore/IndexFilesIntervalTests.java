package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The early flushes a write backlog asks for write record files at once but rewrite a collection's index
 * files (whole, O(records)) at most once per flush interval; an explicit flush and a close write them (an
 * open rewrites a file a crash left stale: IndexFileCheck, tested in IndexFileTests).
 */
class IndexFilesIntervalTests {

    @TempDir
    Path dir;

    private FileStoreOptions options() {
        return FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).maxDirtyRecords(20)
                .collection(CollectionOptions.builder("users").unique("email").build()).build();
    }

    private long lines(String file) throws Exception {
        Path path = dir.resolve("users/indices/" + file);
        return Files.exists(path) ? Files.readAllLines(path).size() : 0;
    }

    private long recordFiles() throws Exception {
        try (var files = Files.list(dir.resolve("users"))) {
            return files.filter(path -> path.toString().endsWith(".json")).count();
        }
    }

    @Test
    void earlyFlushesWriteRecordsAndLeaveIndexFilesToTheIntervalAnExplicitFlushOrTheClose() throws Exception {
        try (FileStore store = FileStore.open(options())) {
            for (int i = 0; i < 200; i++) {
                store.collection("users").put("u" + i, json("email", i + "@x.io"));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (recordFiles() < 180 && System.nanoTime() < deadline) { // the early flushes run
                Thread.sleep(20);
            }
            assertThat(recordFiles()).isGreaterThanOrEqualTo(180);
            assertThat(lines("email.jsonl")).as("index file written once at most, by the first early flush").isLessThan(200);

            store.flush();
            assertThat(lines("email.jsonl")).isEqualTo(200);
            store.collection("users").put("late", json("email", "late@x.io"));
        }
        assertThat(lines("email.jsonl")).as("the close writes them").isEqualTo(201);
    }
}
