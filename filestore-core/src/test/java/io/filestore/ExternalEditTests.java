package io.filestore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code watch}, record files edited by other programs are picked up; the store's own never echo. */
class ExternalEditTests {

    @TempDir
    Path dir;

    private FileStore open() {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).watch(true)
                .collection(CollectionOptions.builder("orders").unique("code").indexed("status").build())
                .build());
    }

    @Test
    void outsideAddsEditsAndDeletesAreAppliedWithIndexesAndListeners() throws Exception {
        try (FileStore store = open()) {
            DocumentCollection orders = store.collection("orders");
            List<String> heard = new CopyOnWriteArrayList<>();
            orders.onChange(changes -> changes.forEach(c -> heard.add(c.type() + " " + c.id())));

            Files.writeString(dir.resolve("orders/o1.json"), "{\"status\":\"NEW\",\"code\":\"A\"}");
            waitUntil(() -> orders.exists("o1"));
            assertThat(orders.findIds("status", "NEW")).containsExactly("o1");

            Files.writeString(dir.resolve("orders/o1.json"), "{\"status\":\"PAID\",\"code\":\"A\"}");
            waitUntil(() -> orders.findIds("status", "PAID").contains("o1"));

            Files.delete(dir.resolve("orders/o1.json"));
            waitUntil(() -> heard.size() == 3); // listeners run on the watcher thread, right after the commit
            assertThat(orders.exists("o1")).isFalse();
            assertThat(heard).containsExactly("CREATED o1", "UPDATED o1", "DELETED o1");
        }
    }

    @Test
    void malformedOrConflictingOutsideEditsAreReportedAndNotApplied() throws Exception {
        try (FileStore store = open()) {
            DocumentCollection orders = store.collection("orders");
            orders.put("o1", json("status", "NEW", "code", "A"));
            store.flush();
            Files.writeString(dir.resolve("orders/o2.json"), "{\"status\": \"NE");
            Files.writeString(dir.resolve("orders/o3.json"), "{\"status\":\"NEW\",\"code\":\"A\"}");
            waitUntil(() -> store.status().rejectedEdits().stream().anyMatch(line -> line.contains("o2.json"))
                    && store.status().rejectedEdits().stream().anyMatch(line -> line.contains("o3.json")));
            assertThat(store.status().rejectedEdits())
                    .anySatisfy(line -> assertThat(line).contains("o2.json").contains("not valid JSON"))
                    .anySatisfy(line -> assertThat(line).contains("o3.json").contains("Unique constraint"));
            assertThat(orders.ids()).containsExactly("o1");
        }
    }

    @Test
    void theStoresOwnWritesDoNotEchoBack() throws Exception {
        try (FileStore store = open()) {
            DocumentCollection orders = store.collection("orders");
            List<String> heard = new CopyOnWriteArrayList<>();
            orders.onChange(changes -> changes.forEach(c -> heard.add(c.type() + " " + c.id())));
            orders.put("o1", json("status", "NEW"));
            store.flush();
            orders.update("o1", json("status", "PAID"));
            store.flush();
            orders.delete("o1");
            store.flush();
            Thread.sleep(1500);
            assertThat(heard).containsExactly("CREATED o1", "UPDATED o1", "DELETED o1");
        }
    }

    @Test
    void thePollingFallbackPicksUpOutsideEditsToo() throws Exception {
        System.setProperty("filestore.watch.polling", "true");
        try (FileStore store = open()) {
            DocumentCollection orders = store.collection("orders");
            Files.writeString(dir.resolve("orders/p1.json"), "{\"status\":\"NEW\"}");
            waitUntil(() -> orders.exists("p1"));
            Files.delete(dir.resolve("orders/p1.json"));
            waitUntil(() -> !orders.exists("p1"));
        } finally {
            System.clearProperty("filestore.watch.polling");
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not picked up within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
