package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Many threads writing overlapping ids leave the store, its indexes and a reopened copy in agreement. */
class ConcurrencyTests {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersOnOverlappingIdsLeaveEverythingInAgreement() throws Exception {
        FileStoreOptions options = TestStores.options(dir).flushInterval(Duration.ofMillis(20)).build();
        Map<String, String> inMemory = new HashMap<>();
        try (FileStore store = FileStore.open(options)) {
            DocumentCollection orders = store.collection("orders");
            DocumentCollection users = store.collection("users");
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 1500; i++) {
                        String id = "o" + random.nextInt(60);
                        switch (random.nextInt(5)) {
                            case 0, 1 -> orders.put(id, json("status", "S" + random.nextInt(4), "userId", "u" + random.nextInt(5)));
                            case 2 -> orders.update(id, json("status", "S" + random.nextInt(4)));
                            case 3 -> orders.delete(id);
                            default -> {
                                try {
                                    store.runInTransaction(tx -> {
                                        String user = "u" + random.nextInt(20);
                                        users.put(user, json("email", "e" + random.nextInt(25) + "@x.io"));
                                        orders.put(id, json("status", "TX", "userId", user));
                                    });
                                } catch (UniqueConstraintException expected) {
                                    // a duplicate email: the whole transaction changed nothing
                                }
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();
            assertIndexesAgreeWithRecords(orders);
            assertUniqueEmails(users);
            orders.forEach((id, record) -> inMemory.put("orders/" + id, record.toString()));
            users.forEach((id, record) -> inMemory.put("users/" + id, record.toString()));
        }
        try (FileStore reopened = TestStores.open(dir)) {
            Map<String, String> onDisk = new HashMap<>();
            reopened.collection("orders").forEach((id, record) -> onDisk.put("orders/" + id, record.toString()));
            reopened.collection("users").forEach((id, record) -> onDisk.put("users/" + id, record.toString()));
            assertThat(onDisk).isEqualTo(inMemory);
            assertIndexesAgreeWithRecords(reopened.collection("orders"));
        }
    }

    private static void assertIndexesAgreeWithRecords(DocumentCollection orders) {
        Map<String, List<String>> byStatus = new HashMap<>();
        orders.forEach((id, record) -> byStatus.computeIfAbsent(record.get("status").stringValue(), s -> new ArrayList<>()).add(id));
        for (String status : List.of("S0", "S1", "S2", "S3", "TX")) {
            assertThat(orders.findIds("status", status))
                    .containsExactlyInAnyOrderElementsOf(byStatus.getOrDefault(status, List.of()));
        }
    }

    private static void assertUniqueEmails(DocumentCollection users) {
        Map<String, String> owners = new HashMap<>();
        users.forEach((id, record) -> {
            ObjectNode user = record;
            String previous = owners.put(user.get("email").stringValue(), id);
            assertThat(previous).as("email %s shared by %s and %s", user.get("email"), previous, id).isNull();
        });
    }
}
