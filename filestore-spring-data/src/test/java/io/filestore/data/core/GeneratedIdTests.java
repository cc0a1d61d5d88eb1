package io.filestore.data.core;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.MappingException;

import io.filestore.FileStore;
import io.filestore.data.core.IdEntities.Assigned;
import io.filestore.data.core.IdEntities.AssignedRepository;
import io.filestore.data.core.IdEntities.Counter;
import io.filestore.data.core.IdEntities.CounterRepository;
import io.filestore.data.core.IdEntities.KeyedRepository;
import io.filestore.data.core.IdEntities.Named;
import io.filestore.data.core.IdEntities.Primitive;
import io.filestore.data.core.IdEntities.PrimitiveRepository;
import io.filestore.data.core.IdEntities.Small;
import io.filestore.data.core.IdEntities.SmallRepository;
import io.filestore.data.core.IdEntities.Tagged;
import io.filestore.data.core.IdEntities.TaggedRepository;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;
import io.filestore.internal.json.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated ids: UUIDs for String and UUID ids, a durable per-collection sequence for Long and Integer ids. */
class GeneratedIdTests {

    @TempDir
    Path dir;

    FileStore store;
    FileStoreTemplate template;
    CounterRepository counters;

    @BeforeEach
    void open() {
        store = IdEntities.open(dir);
        template = IdEntities.template(store);
        counters = new FileStoreRepositoryFactory(template).getRepository(CounterRepository.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        close();
        open();
    }

    private List<Long> saveCounters(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(counters.save(new Counter("c" + i)).id);
        }
        return ids;
    }

    @Test
    void stringAndUuidIdsAreRandomUuids() {
        Named named = new Named();
        String id = template.save(named).id;
        assertThat(UUID.fromString(id)).isNotNull();

        TaggedRepository tagged = new FileStoreRepositoryFactory(template).getRepository(TaggedRepository.class);
        Tagged saved = tagged.save(new Tagged());
        assertThat(saved.id).isNotNull();
        assertThat(tagged.findById(saved.id)).map(t -> t.id).contains(saved.id);
        assertThat(store.collection("tagged").exists(saved.id.toString())).isTrue();
    }

    @Test
    void longIntegerAndPrimitiveIdsCountUpFromOnePerCollection() {
        assertThat(saveCounters(3)).containsExactly(1L, 2L, 3L);
        assertThat(store.getValue("_sequence.counters")).map(v -> v.longValue()).contains(3L);
        assertThat(counters.findById(2L)).map(c -> c.name).contains("c1");

        SmallRepository small = new FileStoreRepositoryFactory(template).getRepository(SmallRepository.class);
        assertThat(small.save(new Small()).id).isEqualTo(1);
        assertThat(small.save(new Small()).id).isEqualTo(2);

        PrimitiveRepository primitives = new FileStoreRepositoryFactory(template).getRepository(PrimitiveRepository.class);
        Primitive first = primitives.save(new Primitive());
        assertThat(first.id).as("a primitive zero counts as not set").isEqualTo(1);
        first.name = "renamed";
        assertThat(primitives.save(first).id).isEqualTo(1);
        assertThat(primitives.save(new Primitive()).id).isEqualTo(2);
        assertThat(primitives.count()).isEqualTo(2);
    }

    @Test
    void aDeletedIdIsNeverGeneratedAgain() {
        saveCounters(3);
        counters.deleteById(3L);
        assertThat(counters.save(new Counter("next")).id).isEqualTo(4L);

        counters.deleteAll();
        assertThat(counters.save(new Counter("after all")).id).isEqualTo(5L);
    }

    @Test
    void theSequenceSurvivesAReopen() throws Exception {
        saveCounters(2);
        counters.deleteById(2L);
        reopen();
        assertThat(counters.save(new Counter("after reopen")).id).isEqualTo(3L);
        assertThat(Files.readString(dir.resolve("_values.json"))).contains("_sequence.counters");
    }

    @Test
    void theSequenceSurvivesACrashWithTheLoggedRecords() throws Exception {
        saveCounters(3);
        counters.deleteById(3L);
        Path crashed = crashCopy(dir, dir.resolveSibling(dir.getFileName() + "-crash"));
        assertThat(crashed.resolve("_values.json")).as("nothing was flushed: the log holds it all").doesNotExist();
        close();

        store = IdEntities.open(crashed);
        template = IdEntities.template(store);
        counters = new FileStoreRepositoryFactory(template).getRepository(CounterRepository.class);
        assertThat(counters.findAll()).extracting(c -> c.id).containsExactly(1L, 2L);
        assertThat(counters.save(new Counter("after crash")).id).isEqualTo(4L);
    }

    @Test
    void anIdSetByTheCallerAboveTheSequenceMovesItUpAndOneBelowDoesNot() {
        saveCounters(1);
        counters.save(new Counter(10L, "ten"));
        assertThat(counters.save(new Counter("next")).id).isEqualTo(11L);
        counters.save(new Counter(5L, "five"));
        assertThat(counters.save(new Counter("next")).id).isEqualTo(12L);
        assertThat(counters.count()).isEqualTo(5);
    }

    @Test
    void anIdARecordWrittenAroundTheTemplateHoldsIsSkipped() {
        store.collection("counters").put("1", Json.defaultMapper().createObjectNode().put("name", "direct"));
        store.collection("counters").put("2", Json.defaultMapper().createObjectNode().put("name", "direct"));
        assertThat(counters.save(new Counter("generated")).id).isEqualTo(3L);
        assertThat(counters.findById(1L)).map(c -> c.name).contains("direct");
    }

    @Test
    void aSaveThatRollsBackGivesItsValueBack() {
        saveCounters(1);
        store.runInTransaction(tx -> {
            assertThat(template.save(new Counter("rolled back")).id).isEqualTo(2L);
            tx.setRollbackOnly();
        });
        assertThat(counters.existsById(2L)).isFalse();
        assertThat(counters.save(new Counter("kept")).id).as("no record ever held 2").isEqualTo(2L);
    }

    @Test
    void concurrentSavesGetDistinctConsecutiveIds() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        ids.add(counters.save(new Counter("c")).id);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(counters.count()).isEqualTo(200);
    }

    @Test
    void anExhaustedIntegerSequenceIsRefusedWithNothingStored() {
        store.setValue("_sequence.small", Integer.MAX_VALUE);
        SmallRepository small = new FileStoreRepositoryFactory(template).getRepository(SmallRepository.class);
        assertThatThrownBy(() -> small.save(new Small())).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("small").hasMessageContaining("_sequence.small")
                .hasMessageContaining(String.valueOf(Integer.MAX_VALUE)).hasMessageContaining("use a Long id");
        assertThat(small.count()).isZero();
        assertThat(store.getValue("_sequence.small")).map(v -> v.intValue()).contains(Integer.MAX_VALUE);
    }

    @Test
    void aSequenceValueThatIsNotAWholeNumberIsReportedWithItsKey() {
        store.setValue("_sequence.counters", "seven");
        assertThatThrownBy(() -> counters.save(new Counter("x"))).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("'_sequence.counters'").hasMessageContaining("\"seven\"");
        assertThat(counters.count()).isZero();
    }

    @Test
    void anIdTypeThatIsReadBackButNotGeneratedMustBeSetBeforeSaving() {
        AssignedRepository assigned = new FileStoreRepositoryFactory(template).getRepository(AssignedRepository.class);
        assertThatThrownBy(() -> assigned.save(new Assigned())).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("Assigned").hasMessageContaining("BigInteger").hasMessageContaining("set id first");
        assertThat(assigned.count()).isZero();

        Assigned given = new Assigned();
        given.id = new BigInteger("123456789012345678901234567890");
        assigned.save(given);
        assertThat(assigned.findById(given.id)).map(a -> a.id).contains(given.id);
    }

    @Test
    void aRepositoryOfAnEntityWhoseIdCanNeitherBeGeneratedNorReadBackIsRefusedWhenCreated() {
        assertThatThrownBy(() -> new FileStoreRepositoryFactory(template).getRepository(KeyedRepository.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(IdEntities.Keyed.class.getName()).hasMessageContaining("'id'")
                .hasMessageContaining(IdEntities.Key.class.getName()).hasMessageContaining("String, UUID, Long or Integer");
    }

    /** What a kill -9 leaves: the folder copied while the store is open, without its lock file. */
    static Path crashCopy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("_filestore.lock")) {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
