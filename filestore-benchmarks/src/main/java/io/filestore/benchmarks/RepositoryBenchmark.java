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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.keyvalue.core.KeyValueTemplate;
import org.springframework.data.keyvalue.repository.support.KeyValueRepositoryFactory;
import org.springframework.data.map.MapKeyValueAdapter;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

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
 * Calls through a Spring Data repository at {@code users} records (default 100k): a FileStore
 * repository ({@code memory-only} collection, {@code email} unique-indexed, {@code age} and
 * {@code username} indexed) against Spring Data KeyValue's map repository
 * ({@code @EnableMapRepositories}'s {@code MapKeyValueAdapter}) holding the same entities:
 * {@code findById}, {@code findByEmail}, {@code findTop10ByAgeGreaterThanEqualOrderByAge} and pages of
 * {@code findAll(Pageable)} (a {@link Page}, so its total count too): the first 20 by {@code username},
 * the 20 from half-way ({@code users / 2}: offset 50,000 at 100k), and the first 20 by {@code name},
 * which no index holds. The map repository answers derived queries and sorts by reading every entity.
 * Average time per call, a random existing key each call, built fresh for the call.
 *
 * <p>The entity is a JavaBean (private fields, getters and setters), as Spring Data entities usually
 * are: KeyValue reads a property through its getter, and falls back to reflective field access without
 * one, which made its scans many times slower when this entity had public fields only (README.md).
 * Each repository is built in the forks of its own benchmarks only, by its factory, without a Spring
 * context, as the factories allow.
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
        private String id;
        @Indexed(unique = true)
        private String email;
        @Indexed
        private String username;
        private String name;
        private String city;
        @Indexed
        private int age;
        private String bio;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public int getAge() {
            return age;
        }

        public void setAge(int age) {
            this.age = age;
        }

        public String getBio() {
            return bio;
        }

        public void setBio(String bio) {
            this.bio = bio;
        }
    }

    public interface FileStoreUsers extends FileStoreRepository<User, String> {
        Optional<User> findByEmail(String email);

        List<User> findTop10ByAgeGreaterThanEqualOrderByAge(int age);
    }

    public interface MapUsers extends ListCrudRepository<User, String>, ListPagingAndSortingRepository<User, String> {
        List<User> findByEmail(String email);

        List<User> findTop10ByAgeGreaterThanEqualOrderByAge(int age);
    }

    /** How many users each repository holds. */
    @Param({"100000"})
    public int users;

    /** The FileStore repository over a memory-only collection. */
    @State(Scope.Benchmark)
    public static class FileStoreSide {
        private Path dir;
        private FileStore store;
        FileStoreUsers repository;

        @Setup(Level.Trial)
        public void setUp(RepositoryBenchmark bench) {
            dir = TempDirs.create("repository");
            FileStoreMappingContext context = new FileStoreMappingContext();
            List<Class<?>> entities = List.of(User.class);
            FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
            EntityCollections.merge(context, entities, List.of(CollectionOptions.builder("users")
                    .strategy(Strategy.MEMORY_ONLY).build())).forEach(options::collection);
            store = FileStore.open(options.build());
            repository = new FileStoreRepositoryFactory(new FileStoreTemplate(store,
                    new MappingFileStoreConverter(context), entities)).getRepository(FileStoreUsers.class);
            int batch = 1000;
            for (int first = 0; first < bench.users; first += batch) {
                int from = first;
                store.runInTransaction(tx -> {
                    for (int i = from; i < Math.min(bench.users, from + batch); i++) {
                        repository.save(user(i));
                    }
                });
            }
            checkCount(repository.count(), bench.users);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                store.close();
            } finally {
                TempDirs.delete(dir);
            }
        }
    }

    /** Spring Data KeyValue's map repository. */
    @State(Scope.Benchmark)
    public static class KeyValueSide {
        MapUsers repository;

        @Setup(Level.Trial)
        public void setUp(RepositoryBenchmark bench) {
            repository = new KeyValueRepositoryFactory(new KeyValueTemplate(new MapKeyValueAdapter()))
                    .getRepository(MapUsers.class);
            for (int i = 0; i < bench.users; i++) {
                repository.save(user(i));
            }
            checkCount(repository.count(), bench.users);
        }
    }

    private static void checkCount(long count, int expected) {
        if (count != expected) {
            throw new IllegalStateException("expected " + expected + " users in the repository, found " + count);
        }
    }

    /** User {@code i}: the fields of {@link Records#record(int)}. */
    static User user(int i) {
        var record = Records.record(i);
        User user = new User();
        user.setId(Records.id(i));
        user.setEmail(Records.email(i));
        user.setUsername(record.get("username").stringValue());
        user.setName(record.get("name").stringValue());
        user.setCity(record.get("city").stringValue());
        user.setAge(record.get("age").intValue());
        user.setBio(record.get("bio").stringValue());
        return user;
    }

    private int randomUser() {
        return ThreadLocalRandom.current().nextInt(users);
    }

    private static int randomAge() {
        return 18 + ThreadLocalRandom.current().nextInt(60);
    }

    /** Page {@code users / 2 / 20} of 20 by {@code username}: its first row is at offset {@code users / 2}. */
    private Pageable middlePage() {
        return PageRequest.of(users / 2 / Records.PAGE_SIZE, Records.PAGE_SIZE, Sort.by("username"));
    }

    private static Pageable firstPage(String field) {
        return PageRequest.of(0, Records.PAGE_SIZE, Sort.by(field));
    }

    @Benchmark
    public Optional<User> fileStoreFindById(FileStoreSide side) {
        return side.repository.findById(Records.id(randomUser()));
    }

    @Benchmark
    public Optional<User> keyValueFindById(KeyValueSide side) {
        return side.repository.findById(Records.id(randomUser()));
    }

    @Benchmark
    public List<User> fileStoreTop10ByAge(FileStoreSide side) {
        return side.repository.findTop10ByAgeGreaterThanEqualOrderByAge(randomAge());
    }

    @Benchmark
    public List<User> keyValueTop10ByAge(KeyValueSide side) {
        return side.repository.findTop10ByAgeGreaterThanEqualOrderByAge(randomAge());
    }

    @Benchmark
    public Optional<User> fileStoreFindByEmail(FileStoreSide side) {
        return side.repository.findByEmail(Records.email(randomUser()));
    }

    @Benchmark
    public List<User> keyValueFindByEmail(KeyValueSide side) {
        return side.repository.findByEmail(Records.email(randomUser()));
    }

    @Benchmark
    public Page<User> fileStoreFirstPageByUsername(FileStoreSide side) {
        return side.repository.findAll(firstPage("username"));
    }

    @Benchmark
    public Page<User> keyValueFirstPageByUsername(KeyValueSide side) {
        return side.repository.findAll(firstPage("username"));
    }

    @Benchmark
    public Page<User> fileStoreMiddlePageByUsername(FileStoreSide side) {
        return side.repository.findAll(middlePage());
    }

    @Benchmark
    public Page<User> keyValueMiddlePageByUsername(KeyValueSide side) {
        return side.repository.findAll(middlePage());
    }

    @Benchmark
    public Page<User> fileStoreFirstPageByName(FileStoreSide side) {
        return side.repository.findAll(firstPage("name"));
    }

    @Benchmark
    public Page<User> keyValueFirstPageByName(KeyValueSide side) {
        return side.repository.findAll(firstPage("name"));
    }
}
