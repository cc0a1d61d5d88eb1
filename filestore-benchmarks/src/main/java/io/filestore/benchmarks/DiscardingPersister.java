package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;

/**
 * A persister that loads nothing and writes nothing, so that a benchmark of the commit path (the
 * write-ahead log's writes and fsyncs, the in-memory apply) is not mixed with materializing record
 * files, which {@link FlushBenchmark} measures on its own. The log itself is written as usual.
 */
final class DiscardingPersister implements CollectionPersister {

    @Override
    public void load(RecordSink sink) {
        // nothing stored
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        // nothing stored
    }

    @Override
    public Path indexFolder() {
        return null;
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        // nothing stored
    }
}
