package io.filestore.roundtrip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.Strategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way a collection can keep its records, for tests that must hold on each: the collection is
 * always called {@code c} and indexes {@code tag}.
 */
public enum Layouts {
    FILE_PER_RECORD(b -> b),
    FILE_PER_RECORD_NO_WAL(b -> b.wal(false)),
    SINGLE_FILE_JSON(b -> b.strategy(Strategy.SINGLE_FILE)),
    SINGLE_FILE_JSONL(b -> b.strategy(Strategy.SINGLE_FILE).format(Format.JSONL)),
    APPEND_ONLY(b -> b.strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true)),
    COMPRESSED(b -> b.strategy(Strategy.COMPRESSED)),
    MEMORY_ONLY(b -> b.strategy(Strategy.MEMORY_ONLY));

    private final UnaryOperator<CollectionOptions.Builder> layout;

    Layouts(UnaryOperator<CollectionOptions.Builder> layout) {
        this.layout = layout;
    }

    /** Whether records outlive the store. */
    public boolean persistent() {
        return this != MEMORY_ONLY;
    }

    /** Whether an acknowledged write survives a crash before any flush. */
    public boolean logged() {
        return persistent() && this != FILE_PER_RECORD_NO_WAL;
    }

    public FileStore open(Path dir, JsonMapper mapper) {
        return FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).jsonMapper(mapper)
                .collection(layout.apply(CollectionOptions.builder("c")).indexed("tag").build())
                .build());
    }

    public static Stream<Layouts> all() {
        return Stream.of(values());
    }

    public static Stream<Layouts> persistentOnes() {
        return all().filter(Layouts::persistent);
    }

    /**
     * What a {@code kill -9} of the store's process would leave: a copy of the folder taken while the
     * store is open (the log is written with one {@code write} per commit, so the copy holds every
     * acknowledged write). The lock file goes, as the kernel drops the lock with the process.
     */
    public static Path crashCopy(Path dir, Path copy) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(dir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().equals("_filestore.lock")) {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    static List<Layouts> list() {
        return List.of(values());
    }
}
