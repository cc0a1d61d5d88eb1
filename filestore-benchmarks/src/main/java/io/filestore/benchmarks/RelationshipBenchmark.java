package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;
import io.filestore.relation.Relationship;
import io.filestore.relation.Relationships;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relationship lookups per second, one thread: {@code orders} (10 per user, {@code userId} indexed)
 * referring to {@code users}, both {@code memory-only}; {@code users} users, so 10x as many orders.
 * {@code localIds}: the orders of a random user (an index lookup, 10 ids); {@code remoteId}: the user
 * of a random order (a get and a field read).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RelationshipBenchmark {

    /** How many users; orders are ten times as many. */
    @Param({"100000"})
    public int users;

    private Path dir;
    private FileStore store;
    private Relationships relationships;
    private Relationship userOfOrder;

    @Setup(Level.Trial)
    public void setUp() {
        dir = TempDirs.create("relationship");
        store = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").strategy(Strategy.MEMORY_ONLY).build())
                .collection(CollectionOptions.builder("orders").strategy(Strategy.MEMORY_ONLY).indexed("userId").build())
                .build());
        Records.fill(store.collection("users"), store, users);
        int orders = users * 10;
        int batch = 1000;
        for (int first = 0; first < orders; first += batch) {
            int from = first;
            store.runInTransaction(tx -> {
                for (int i = from; i < Math.min(orders, from + batch); i++) {
                    ObjectNode order = JsonNodeFactory.instance.objectNode();
                    order.put("userId", Records.id(i % users));
                    order.put("total", i % 997);
                    order.put("status", i % 3 == 0 ? "paid" : "open");
                    store.collection("orders").put("order-" + i, order);
                }
            });
        }
        relationships = Relationships.attach(store);
        userOfOrder = relationships.define("userOfOrder", "orders", "userId", "users");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            relationships.close();
            store.close();
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Benchmark
    public List<String> localIds() {
        return userOfOrder.localIds(Records.id(ThreadLocalRandom.current().nextInt(users)));
    }

    @Benchmark
    public Optional<String> remoteId() {
        return userOfOrder.remoteId("order-" + ThreadLocalRandom.current().nextInt(users * 10));
    }
}
