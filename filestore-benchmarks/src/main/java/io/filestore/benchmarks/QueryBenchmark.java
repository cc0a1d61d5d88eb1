package io.filestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
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
import io.filestore.query.JsonResult;
import io.filestore.query.Order;
import io.filestore.query.Query;
import io.filestore.query.QueryResult;
import io.filestore.query.Where;

/**
 * The same queries with the fields indexed and without ({@code indexed}), at 100k and 1M records of
 * {@link Records} in a {@code memory-only} collection; average time per query:
 * <ul>
 *   <li>{@code byEmail}: {@code where email = v} (one match), a hash lookup or a scan;</li>
 *   <li>{@code byCityTop10}: {@code where city = v order by age desc limit 10} (1% of the records
 *       match), a lookup then a sort of the matches, or a scan;</li>
 *   <li>{@code ageRangeTop10}: {@code where age >= v order by age limit 10}, a range of the sorted
 *       index read in order until 10 rows match, or a scan and a sort;</li>
 *   <li>{@code ageRangeTop10Json}: the same through {@code Query.runJson()}, the rows as their stored
 *       JSON text (as the SQL peers' {@code SELECT doc} returns each row's text), parsing none;</li>
 *   <li>{@code firstPageByUsername}: {@code order by username limit 20}, the first page of a list
 *       sorted by an indexed field;</li>
 *   <li>{@code middlePageByUsername}: the same page at offset {@code records / 2} (50,000 at 100k);</li>
 *   <li>{@code firstPageByName}: {@code order by name limit 20}, sorted by a field no index holds,
 *       whether {@code indexed} or not.</li>
 * </ul>
 * The query objects are built per call, as an application would. The fork gets a fixed 4 GB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class QueryBenchmark {

    /** How many records the collection holds. */
    @Param({"100000", "1000000"})
    public int records;

    /** Whether email, city, age and username are indexed. */
    @Param({"true", "false"})
    public boolean indexed;

    private Path dir;
    private FileStore store;

    @Setup(Level.Trial)
    public void setUp() {
        dir = TempDirs.create("query");
        CollectionOptions.Builder users = CollectionOptions.builder("users").strategy(Strategy.MEMORY_ONLY);
        if (indexed) {
            users.unique("email").indexed("city", "age", "username");
        }
        store = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1))
                .collection(users.build()).build());
        Records.fill(store.collection("users"), store, records);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            store.close();
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Benchmark
    public QueryResult byEmail() {
        String email = Records.email(ThreadLocalRandom.current().nextInt(records));
        return Query.from(store, "users").where(Where.eq("email", email)).run();
    }

    @Benchmark
    public QueryResult byCityTop10() {
        String city = Records.city(ThreadLocalRandom.current().nextInt(Records.CITIES));
        return Query.from(store, "users").where(Where.eq("city", city)).orderBy(Order.desc("age")).limit(10).run();
    }

    @Benchmark
    public QueryResult ageRangeTop10() {
        int age = 18 + ThreadLocalRandom.current().nextInt(60);
        return Query.from(store, "users").where(Where.gte("age", age)).orderBy("age").limit(10).run();
    }

    @Benchmark
    public JsonResult ageRangeTop10Json() {
        int age = 18 + ThreadLocalRandom.current().nextInt(60);
        return Query.from(store, "users").where(Where.gte("age", age)).orderBy("age").limit(10).runJson();
    }

    @Benchmark
    public QueryResult firstPageByUsername() {
        return Query.from(store, "users").orderBy("username").limit(Records.PAGE_SIZE).run();
    }

    @Benchmark
    public QueryResult middlePageByUsername() {
        return Query.from(store, "users").orderBy("username").offset(records / 2).limit(Records.PAGE_SIZE).run();
    }

    @Benchmark
    public QueryResult firstPageByName() {
        return Query.from(store, "users").orderBy("name").limit(Records.PAGE_SIZE).run();
    }
}
