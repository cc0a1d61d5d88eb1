package io.filestore.data.core;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.annotation.Document;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.FileStoreRepository;

/** Entities with every kind of id, their repositories, and a store and template over them. */
final class IdEntities {

    static final List<Class<?>> ALL = List.of(Counter.class, Small.class, Primitive.class, Tagged.class, Named.class,
            Assigned.class);

    private IdEntities() {
    }

    /** A store over the entities' collections (flushing only on close, so a crash copy relies on the log). */
    static FileStore open(Path dir) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, ALL, List.of()).forEach(options::collection);
        return FileStore.open(options.build());
    }

    static FileStoreTemplate template(FileStore store) {
        return new FileStoreTemplate(store, new MappingFileStoreConverter(new FileStoreMappingContext()), ALL);
    }

    @Document("counters")
    public static class Counter {
        @Id
        public Long id;
        public String name;

        public Counter() {
        }

        public Counter(String name) {
            this.name = name;
        }

        public Counter(Long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Document("small")
    public static class Small {
        @Id
        public Integer id;
        public String name;
    }

    @Document("primitives")
    public static class Primitive {
        @Id
        public long id;
        public String name;
    }

    @Document("tagged")
    public static class Tagged {
        @Id
        public UUID id;
        public String name;
    }

    @Document("named")
    public static class Named {
        @Id
        public String id;
        public String name;
    }

    /** An id type that is read back from the record id but never generated. */
    @Document("assigned")
    public static class Assigned {
        @Id
        public BigInteger id;
        public String name;
    }

    /** An id type FileStore can neither generate nor read back. */
    public record Key(String region, String number) {
    }

    @Document("keyed")
    public static class Keyed {
        @Id
        public Key id;
    }

    public interface CounterRepository extends FileStoreRepository<Counter, Long> {
    }

    public interface SmallRepository extends FileStoreRepository<Small, Integer> {
    }

    public interface PrimitiveRepository extends FileStoreRepository<Primitive, Long> {
    }

    public interface TaggedRepository extends FileStoreRepository<Tagged, UUID> {
    }

    public interface AssignedRepository extends FileStoreRepository<Assigned, BigInteger> {
    }

    public interface KeyedRepository extends FileStoreRepository<Keyed, Key> {
    }
}
