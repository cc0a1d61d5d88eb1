package io.filestore.internal.persist;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;

/** The {@code memory-only} strategy: nothing is read or written. */
final class MemoryOnlyPersister implements CollectionPersister {

    static final MemoryOnlyPersister INSTANCE = new MemoryOnlyPersister();

    private MemoryOnlyPersister() {
    }

    @Override
    public void load(RecordSink sink) {
        // nothing survives a restart by design
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        // never written
    }

    @Override
    public @Nullable Path indexFolder() {
        return null;
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        // nothing on disk
    }
}
