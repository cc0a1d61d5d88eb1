package io.filestore.persist;

import io.filestore.CollectionOptions;

/** Chooses the persister of a collection from its strategy: the one place strategies map to code. */
public final class Persisters {

    private Persisters() {
    }

    /** The persister for a collection's options. */
    public static CollectionPersister forCollection(CollectionOptions options, PersistContext context) {
        java.nio.file.Path path = options.resolvePath(context.dataDir());
        if (options.persister() != null) {
            return options.persister().create(options, path, context);
        }
        return switch (options.strategy()) {
            case FILE_PER_RECORD -> new FilePerRecordPersister(options.name(), path, context);
            case SINGLE_FILE -> switch (options.format()) {
                case JSON -> new SingleFilePersister(options.name(), path, new JsonObjectCodec(context.json()), context);
                case JSONL -> options.appendOnly()
                        ? new AppendOnlyLogPersister(options.name(), path, new JsonLinesCodec(context.json()), context)
                        : new SingleFilePersister(options.name(), path, new JsonLinesCodec(context.json()), context);
            };
            case COMPRESSED -> new SingleFilePersister(options.name(), path,
                    new ZstdCodec(new JsonLinesCodec(context.json())), context);
            case MEMORY_ONLY -> MemoryOnlyPersister.INSTANCE;
        };
    }
}
