package io.filestore.persist;

import io.filestore.CollectionOptions;

/** Chooses the persister of a collection from its strategy: the one place strategies map to code. */
public final class Persisters {

    private Persisters() {
    }

    /** The persister for a collection's options. */
    public static CollectionPersister forCollection(CollectionOptions options, PersistContext context) {
        return switch (options.strategy()) {
            case FILE_PER_RECORD -> new FilePerRecordPersister(options.name(), options.resolvePath(context.dataDir()), context);
            case MEMORY_ONLY -> MemoryOnlyPersister.INSTANCE;
        };
    }
}
