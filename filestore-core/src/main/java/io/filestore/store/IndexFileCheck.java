package io.filestore.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.index.FieldIndex;
import io.filestore.index.IndexFileFormat;
import io.filestore.io.AtomicFiles;
import io.filestore.io.FileBatch;
import io.filestore.persist.IndexFiles;

/**
 * Checks at open that every index file agrees with the indexes built from the records, which are the
 * truth: a missing, stale or unreadable file is rewritten, and the file of a field that is no longer
 * indexed is removed. Index files are derived data, so this never blocks the open.
 */
final class IndexFileCheck {

    private static final Logger log = LoggerFactory.getLogger(IndexFileCheck.class);
    private static final String MISSING = "missing";

    private final IndexFiles indexFiles;
    private final IndexFileFormat format;
    private final AtomicFiles files;

    IndexFileCheck(IndexFiles indexFiles, IndexFileFormat format, AtomicFiles files) {
        this.indexFiles = indexFiles;
        this.format = format;
        this.files = files;
    }

    void run(List<CollectionState> collections) {
        FileBatch batch = new FileBatch();
        for (CollectionState collection : collections) {
            Path folder = collection.persister().indexFolder();
            if (folder != null) {
                check(collection, folder, batch);
            }
        }
        files.apply(batch);
    }

    private void check(CollectionState collection, Path folder, FileBatch batch) {
        for (FieldIndex index : collection.indexes().all()) {
            List<FieldIndex.Entry> expected = index.entries();
            byte[] expectedBytes = format.encode(expected);
            byte[] content = indexFiles.read(folder, index.field());
            // the writer is deterministic, so an up-to-date file matches byte for byte and needs no parsing
            String problem = Arrays.equals(content, expectedBytes) ? null : problemOf(content, expected);
            if (problem != null) {
                Path file = IndexFiles.file(folder, index.field());
                if (expected.isEmpty() && isMissing(problem)) {
                    log.debug("Creating index file {} of new collection '{}'", file, collection.name());
                } else {
                    log.info("Rebuilding index file {} of collection '{}': {}", file, collection.name(), problem);
                }
                batch.write(file, expectedBytes);
            }
        }
        for (String field : indexFiles.fieldsOnDisk(folder)) {
            if (collection.indexes().get(field) == null) {
                log.info("Removing index file of '{}', which collection '{}' no longer indexes", field, collection.name());
                batch.delete(IndexFiles.file(folder, field));
            }
        }
    }

    private static boolean isMissing(String problem) {
        return MISSING.equals(problem);
    }

    private String problemOf(byte[] content, List<FieldIndex.Entry> expected) {
        if (content == null) {
            return MISSING;
        }
        try {
            List<FieldIndex.Entry> onDisk = format.decode(content);
            if (onDisk.size() != expected.size() || !new HashSet<>(onDisk).equals(new HashSet<>(expected))) {
                return "stale (" + onDisk.size() + " lines, " + expected.size() + " expected)";
            }
            return "out of order"; // same lines in another order (an older writer, an edit): rewrite canonically
        } catch (IllegalArgumentException unreadable) {
            return "unreadable, " + unreadable.getMessage();
        }
    }
}
