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
import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.map.MapKeyValueAdapter;
import org.springframework.data.repository.ListCrudRepository;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;
import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;

/**
 * Lookups through a Spring Data repository at {@code users} records (default 100k): a FileStore
 * repository ({@code memory-only} collection, {@code email} unique-indexed, {@code age} indexed)
 * against Spring Data KeyValue's map repository ({@code @EnableMapRepositories}'s {@code MapKeyValueAdapter}) holding
 * the same entities, in the same run: {@code findById}, {@code findByEmail} and
 * {@code findTop10ByAgeGreaterThanEqualOrderByAge}, which the map repository answers by scanning
 * (and sorting) every entity. Average time per call, a random existing key each call. Both
 * repositories are built by their factories without a Spring context, as their factories allow.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RepositoryBenchmark {

    /** An entity both repositories store. */
    @Document("users")
    public static class User {
        @Id
        public String id;
        @Indexed(unique = true)
        public String email;
        public String username;
        public String name;
        public String city;
        @Indexed
        public int age;
        public String bio;

        public User() {
        }
    }

    public interface FileStoreUsers extends FileStoreRepository<User, String> {
        Optional<User> findByEmail(String email);

        List<User> findTop10ByAgeGreaterThanEqualOrderByAge(int age);
    }

    public interface MapUsers extends ListCrudRepository<User, String> {
        List<User> findByEmail(String email);

        List<User> findTop10ByAgeGreaterThanEqualOrderByAge(int age);
    }

    /** How many users both repositories hold. */
    @Param({"100000"})
    public int users;

    private Path dir;
    private FileStore store;
    FileStoreUsers fileStoreUsers;
    MapUsers mapUsers;

    @Setup(Level.Trial)
    public void setUp() {
        dir = TempDirs.create("repository");
        FileStoreMappingContext context = new FileStoreMappingContext();
        List<Class<?>> entities = List.of(User.class);
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, entities, List.of(CollectionOptions.builder("users")
                .strategy(Strategy.MEMORY_ONLY).build())).forEach(options::collection);
        store = FileStore.open(options.build());
        fileStoreUsers = new FileStoreRepositoryFactory(new FileStoreTemplate(store, new MappingFileStoreConverter(context),
                entities)).getRepository(FileStoreUsers.class);
        mapUsers = new KeyValueRepositoryFactory(new KeyValueTemplate(new MapKeyValueAdapter()))
                .getRepository(MapUsers.class);
        int batch = 1000;
        for (int first = 0; first < users; first += batch) {
            int from = first;
            store.runInTransaction(tx -> {
                for (int i = from; i < Math.min(users, from + batch); i++) {
                    User user = user(i);
                    fileStoreUsers.save(user);
                    mapUsers.save(user(i));
                }
            });
        }
        if (fileStoreUsers.count() != users || mapUsers.count() != users) {
            throw new IllegalStateException("expected " + users + " users in each repository");
        }
    }

    /** User {@code i}: the fields of {@link Records#record(int)}. */
    static User user(int i) {
        var record = Records.record(i);
        User user = new User();
        user.id = Records.id(i);
        user.email = Records.email(i);
        user.username = record.get("username").stringValue();
        user.name = record.get("name").stringValue();
        user.city = record.get("city").stringValue();
        user.age = record.get("age").intValue();
        user.bio = record.get("bio").stringValue();
        return user;
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
    public Optional<User> fileStoreFindById() {
        return fileStoreUsers.findById(Records.id(ThreadLocalRandom.current().nextInt(users)));
    }

    @Benchmark
    public Optional<User> keyValueFindById() {
        return mapUsers.findById(Records.id(ThreadLocalRandom.current().nextInt(users)));
    }

    @Benchmark
    public List<User> fileStoreTop10ByAge() {
        return fileStoreUsers.findTop10ByAgeGreaterThanEqualOrderByAge(18 + ThreadLocalRandom.current().nextInt(60));
    }

    @Benchmark
    public List<User> keyValueTop10ByAge() {
        return mapUsers.findTop10ByAgeGreaterThanEqualOrderByAge(18 + ThreadLocalRandom.current().nextInt(60));
    }

    @Benchmark
    public Optional<User> fileStoreFindByEmail() {
        return fileStoreUsers.findByEmail(Records.email(ThreadLocalRandom.current().nextInt(users)));
    }

    @Benchmark
    public List<User> keyValueFindByEmail() {
        return mapUsers.findByEmail(Records.email(ThreadLocalRandom.current().nextInt(users)));
    }
}
