package io.filestore.internal.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.IndexEntry;
import io.filestore.internal.index.FieldIndex;
import io.filestore.internal.index.IndexFileFormat;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.persist.IndexFiles;
import io.filestore.spi.FileBatch;

/**
 * Checks at open that every index file agrees with the indexes built from the records, which are the
 * truth: a missing, stale or malformed file is rewritten, one that cannot be read at all (a folder in
 * its place) is quarantined and rewritten, and the file of a field that is no longer indexed is
 * removed. Index files are derived data, so this never blocks the open.
 */
final class IndexFileCheck {

    private static final Logger log = LoggerFactory.getLogger(IndexFileCheck.class);
    private static final String MISSING = "missing";

    private final IndexFiles indexFiles;
    private final IndexFileFormat format;
    private final AtomicFiles files;
    private final Executor executor;
    private final Consumer<String> findings;

    /** {@code executor} checks the index files side by side; the caller waits for it, so it must not be the caller's own pool. */
    IndexFileCheck(IndexFiles indexFiles, IndexFileFormat format, AtomicFiles files, Executor executor,
                   Consumer<String> findings) {
        this.findings = findings;
        this.indexFiles = indexFiles;
        this.format = format;
        this.files = files;
        this.executor = executor;
    }

    /** Checks every index file of the collections, rewriting or removing files as needed, and returns once done. */
    void run(List<CollectionState> collections) {
        // each file is read, encoded and compared on its own task: on a large collection that is a full
        // encoding of the index per file, which one thread would do one index after the other
        List<CompletableFuture<Rewrite>> checks = new ArrayList<>();
        FileBatch batch = new FileBatch();
        for (CollectionState collection : collections) {
            Path folder = collection.persister().indexFolder();
            if (folder != null) {
                for (FieldIndex index : collection.indexes().all()) {
                    checks.add(CompletableFuture.supplyAsync(() -> check(collection, folder, index), executor));
                }
                removeUnindexed(collection, folder, batch);
            }
        }
        for (CompletableFuture<Rewrite> check : checks) {
            Rewrite rewrite = join(check);
            if (rewrite != null) {
                batch.write(rewrite.file(), rewrite.content());
            }
        }
        files.apply(batch);
    }

    /** A file to write, because it was missing, stale or unreadable. */
    private record Rewrite(Path file, byte[] content) {
    }

    private @Nullable Rewrite check(CollectionState collection, Path folder, FieldIndex index) {
        List<IndexEntry> expected = index.entries();
        byte[] expectedBytes = format.encode(expected);
        byte[] content = indexFiles.read(collection.name(), folder, index.field());
        // the writer is deterministic, so an up-to-date file matches byte for byte and needs no parsing
        String problem = Arrays.equals(content, expectedBytes) ? null : problemOf(content, expected);
        if (problem == null) {
            return null;
        }
        Path file = IndexFiles.file(folder, index.field());
        if (expected.isEmpty() && isMissing(problem)) {
            log.debug("Creating index file {} of new collection '{}'", file, collection.name());
        } else {
            log.info("Rebuilding index file {} of collection '{}': {}", file, collection.name(), problem);
            findings.accept(file + ": " + problem + "; rewritten from the records");
        }
        return new Rewrite(file, expectedBytes);
    }

    private void removeUnindexed(CollectionState collection, Path folder, FileBatch batch) {
        for (String field : indexFiles.fieldsOnDisk(folder)) {
            if (collection.indexes().get(field) == null) {
                log.info("Removing index file of '{}', which collection '{}' no longer indexes", field, collection.name());
                indexFiles.stageRemoval(collection.name(), IndexFiles.file(folder, field), batch);
            }
        }
    }

    private static Rewrite join(CompletableFuture<Rewrite> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean isMissing(String problem) {
        return MISSING.equals(problem);
    }

    private String problemOf(byte[] content, List<IndexEntry> expected) {
        if (content == null) {
            return MISSING;
        }
        try {
            List<IndexEntry> onDisk = format.decode(content);
            if (onDisk.size() != expected.size() || !new HashSet<>(onDisk).equals(new HashSet<>(expected))) {
                return "stale (" + onDisk.size() + " lines, " + expected.size() + " expected)";
            }
            return "out of order"; // same lines in another order (an older writer, an edit): rewrite canonically
        } catch (IllegalArgumentException unreadable) {
            return "unreadable, " + unreadable.getMessage();
        }
    }
}
