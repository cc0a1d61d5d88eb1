package io.filestore.internal.persist;

import java.nio.file.Path;

import io.filestore.CollectionOptions;
import io.filestore.Strategy;
import io.filestore.spi.CollectionPersister;

/** Chooses the persister of a collection from its strategy: the one place strategies map to code. */
public final class Persisters {

    private Persisters() {
    }

    /**
     * Checks that the libraries the collection's strategy needs can be loaded; called before anything
     * of the collection is read or written, so a missing one changes nothing on disk.
     *
     * @throws io.filestore.MissingDependencyException for a {@code compressed} collection when zstd-jni
     *                                                 (optional) cannot be loaded
     */
    public static void requireLibraries(CollectionOptions options) {
        if (options.persister() == null && options.strategy() == Strategy.COMPRESSED) {
            ZstdLibrary.require(options.name());
        }
    }

    /**
     * The persister for a collection's options.
     *
     * @throws io.filestore.MissingDependencyException for a {@code compressed} collection when zstd-jni
     *                                                 (optional) cannot be loaded
     */
    public static CollectionPersister forCollection(CollectionOptions options, StorePersistContext context) {
        if (options.persister() != null) {
            return options.persister().create(options, options.resolvePath(context.dataDir()), context);
        }
        return builtIn(options, context);
    }

    /**
     * The built-in persister of the options' strategy and format; their {@code persister} is ignored.
     *
     * @throws io.filestore.MissingDependencyException for a {@code compressed} collection when zstd-jni
     *                                                 (optional) cannot be loaded
     */
    static CollectionPersister builtIn(CollectionOptions options, StorePersistContext context) {
        Path path = options.resolvePath(context.dataDir());
        return switch (options.strategy()) {
            case FILE_PER_RECORD -> new FilePerRecordPersister(options.name(), path, context);
            case SINGLE_FILE -> switch (options.format()) {
                case JSON -> new SingleFilePersister(options.name(), path, new JsonObjectCodec(context.json()), context);
                case JSONL -> options.appendOnly()
                        ? new AppendOnlyLogPersister(options.name(), path, new JsonLinesCodec(context.json()), context)
                        : new SingleFilePersister(options.name(), path, new JsonLinesCodec(context.json()), context);
            };
            case COMPRESSED -> {
                ZstdLibrary.require(options.name()); // also for the old layout of a migration
                yield new SingleFilePersister(options.name(), path, new ZstdCodec(new JsonLinesCodec(context.json())), context);
            }
            case MEMORY_ONLY, SHARED -> MemoryOnlyPersister.INSTANCE; // shared: the store fills it from the database
        };
    }
}
