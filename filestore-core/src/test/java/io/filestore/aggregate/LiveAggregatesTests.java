package io.filestore.aggregate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.TestStores;
import tools.jackson.databind.JsonNode;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

class LiveAggregatesTests {

    @TempDir
    Path dir;

    @Test
    void metricsEqualABruteForceAggregateAfterEveryRandomWriteAndAfterAReopen() {
        Random random = new Random(11);
        try (FileStore store = TestStores.open(dir); LiveAggregates aggregates = LiveAggregates.attach(store)) {
            DocumentCollection orders = store.collection("orders");
            for (int i = 0; i < 20; i++) {
                orders.put("o" + i, json("total", random.nextInt(100)));
            }
            defineAll(aggregates);
            for (int step = 0; step < 500; step++) {
                randomWrite(store, orders, random);
                assertMatchesBruteForce(aggregates, orders, "step " + step);
            }
        }
        try (FileStore store = TestStores.open(dir); LiveAggregates aggregates = LiveAggregates.attach(store)) {
            DocumentCollection orders = store.collection("orders");
            defineAll(aggregates);
            assertMatchesBruteForce(aggregates, orders, "after reopen");
            for (int step = 0; step < 100; step++) {
                randomWrite(store, orders, random);
                assertMatchesBruteForce(aggregates, orders, "step " + step + " after reopen");
            }
        }
    }

    @Test
    void concurrentWritersLeaveMetricsExact() throws Exception {
        try (FileStore store = TestStores.open(dir); LiveAggregates aggregates = LiveAggregates.attach(store)) {
            DocumentCollection orders = store.collection("orders");
            defineAll(aggregates);
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                futures.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 400; i++) {
                        randomWrite(store, orders, new Random(random.nextLong()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();
            assertMatchesBruteForce(aggregates, orders, "after concurrent writers");
        }
    }

    @Test
    void listenersHearAMetricWhenACommitChangesIt() {
        try (FileStore store = TestStores.open(dir); LiveAggregates aggregates = LiveAggregates.attach(store)) {
            aggregates.define("revenue", "orders", "total", Aggregate::sum);
            List<String> heard = new CopyOnWriteArrayList<>();
            aggregates.onChange("revenue", (name, before, after) -> heard.add(name + " " + before.orElse(-1) + " -> " + after.orElse(-1)));
            store.collection("orders").put("o1", json("total", 10));
            store.collection("orders").put("o1", json("total", 10, "note", "same total"));
            store.collection("orders").update("o1", json("total", 15.5));
            store.collection("users").put("u1", json("email", "u1@x.io"));
            assertThat(heard).containsExactly("revenue 0.0 -> 10.0", "revenue 10.0 -> 15.5");
        }
    }

    private static void defineAll(LiveAggregates aggregates) {
        aggregates.define("count", "orders", null, Aggregate::count);
        aggregates.define("sum", "orders", "total", Aggregate::sum);
        aggregates.define("avg", "orders", "total", Aggregate::average);
        aggregates.define("min", "orders", "total", Aggregate::min);
        aggregates.define("max", "orders", "total", Aggregate::max);
    }

    private static void randomWrite(FileStore store, DocumentCollection orders, Random random) {
        String id = "o" + random.nextInt(40);
        switch (random.nextInt(6)) {
            case 0, 1 -> orders.put(id, json("total", random.nextInt(1000) / 4.0));
            case 2 -> orders.update(id, json("total", random.nextInt(50)));
            case 3 -> orders.put(id, json("status", "no total"));
            case 4 -> orders.delete(id);
            default -> store.runInTransaction(tx -> {
                orders.put(id, json("total", -random.nextInt(10)));
                orders.delete("o" + random.nextInt(40));
            });
        }
    }

    private static void assertMatchesBruteForce(LiveAggregates aggregates, DocumentCollection orders, String when) {
        List<Double> totals = new ArrayList<>();
        int[] count = {0};
        orders.forEach((id, record) -> {
            count[0]++;
            JsonNode total = record.get("total");
            if (total != null && total.isNumber()) {
                totals.add(total.doubleValue());
            }
        });
        double sum = totals.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(aggregates.value("count")).as(when).isEqualTo(OptionalDouble.of(count[0]));
        assertThat(aggregates.value("sum").orElseThrow()).as(when).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
        if (totals.isEmpty()) {
            assertThat(aggregates.value("avg")).as(when).isEmpty();
            assertThat(aggregates.value("min")).as(when).isEmpty();
        } else {
            assertThat(aggregates.value("avg").orElseThrow()).as(when).isCloseTo(sum / totals.size(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(aggregates.value("min")).as(when).isEqualTo(OptionalDouble.of(totals.stream().mapToDouble(d -> d).min().orElseThrow()));
            assertThat(aggregates.value("max")).as(when).isEqualTo(OptionalDouble.of(totals.stream().mapToDouble(d -> d).max().orElseThrow()));
        }
    }
}
