package io.filestore.internal.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import io.filestore.StorageException;
import io.filestore.spi.AtomicFileWriter;
import io.filestore.spi.FileBatch;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * Replaces files so that none is ever read back half-written, in five steps ({@link #apply}; the
 * flush's "materialize" step in docs/reliability.md):
 * <ol>
 *   <li>{@code writeTempFiles}: every new content to a uniquely named {@code *.tmp} file beside its
 *       target, forced, in parallel (fsync latency overlaps across files);</li>
 *   <li>{@code renameOverTargets}: each temp file renamed over its target (atomic on POSIX file
 *       systems);</li>
 *   <li>{@code appendAndForce}: appends to the files the batch appends to, each forced (for append-only
 *       logs); a failed append is cut back off;</li>
 *   <li>{@code delete}: the files the batch removes;</li>
 *   <li>{@code syncFolders}: each touched folder forced once, so the renames and deletions are
 *       durable.</li>
 * </ol>
 * A failure in step 1 deletes the temp files written so far and leaves every target untouched.
 * Leftover temp files of a crash are removed by {@link #deleteTempFiles}. Thread-safe.
 */
public final class AtomicFiles implements AtomicFileWriter {

    /** The suffix of temp files; such files are never read as data. */
    public static final String TEMP_SUFFIX = ".tmp";

    private final StorageIO io;
    private final ExecutorService pool;
    private final int parallelism;

    public AtomicFiles(StorageIO io, ExecutorService pool, int parallelism) {
        this.io = io;
        this.pool = pool;
        this.parallelism = parallelism;
    }

    /** Writes a file's content piece by piece, so that a large file never has to sit in memory whole. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(WritableFile file) throws IOException;
    }

    /**
     * Replaces a single file atomically and durably with content written piece by piece: temp file,
     * the writer, force, atomic rename, folder sync.
     *
     * @throws StorageException naming the file that failed
     */
    public void replaceStreamed(Path target, ContentWriter content) {
        Path temp = tempFor(target);
        try (WritableFile file = io.createNew(temp)) {
            content.writeTo(file);
            file.force();
        } catch (IOException e) {
            deleteQuietly(new Path[] {temp});
            throw new StorageException("Cannot write " + target, temp, e);
        }
        try {
            io.moveAtomically(temp, target);
            io.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new StorageException("Cannot rename temp file over its target " + target, temp, e);
        }
    }

    /** Replaces a single file atomically and durably. */
    @Override
    public void replace(Path target, byte[] content) {
        FileBatch batch = new FileBatch();
        batch.write(target, content);
        apply(batch);
    }

    /**
     * Applies the batch with the five steps above, one method each; a step that fails throws before the
     * next begins.
     *
     * @throws StorageException naming the file that failed
     */
    @Override
    public void apply(FileBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<Path> touchedFolders = new LinkedHashSet<>();
        Path[] temps = writeTempFiles(batch.writes());
        renameOverTargets(batch.writes(), temps, touchedFolders);
        appendAndForce(batch.appends(), touchedFolders);
        delete(batch.deletes(), touchedFolders);
        syncFolders(touchedFolders);
    }

    /**
     * Step 1: each new content to a temp file beside its target, forced, spread over the pool. When one
     * fails, the temp files written so far are deleted and no target has been touched.
     */
    private Path[] writeTempFiles(List<FileBatch.Write> writes) {
        Path[] temps = new Path[writes.size()];
        int chunks = Math.min(parallelism, writes.size());
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int first = chunk;
            Runnable task = () -> {
                for (int i = first; i < writes.size(); i += chunks) {
                    temps[i] = writeTemp(writes.get(i));
                }
            };
            futures.add(chunks == 1 ? null : pool.submit(task));
            if (chunks == 1) {
                task.run();
            }
        }
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            if (future == null) {
                continue;
            }
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : asRuntime(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new StorageException("Interrupted while writing", writes.get(0).target(), e);
            }
        }
        if (failure != null) {
            deleteQuietly(temps);
            throw failure;
        }
        return temps;
    }

    /** Step 2: each temp file renamed over its target, in the batch's order. */
    private void renameOverTargets(List<FileBatch.Write> writes, Path[] temps, Set<Path> touchedFolders) {
        for (int i = 0; i < temps.length; i++) {
            Path target = writes.get(i).target();
            try {
                io.moveAtomically(temps[i], target);
            } catch (IOException e) {
                throw new StorageException("Cannot rename temp file over its target " + target, temps[i], e);
            }
            touchedFolders.add(target.getParent());
        }
    }

    /** Step 3: each append written and forced; a new file's folder needs its sync too. */
    private void appendAndForce(List<FileBatch.Write> appends, Set<Path> touchedFolders) {
        for (FileBatch.Write append : appends) {
            boolean existed = io.exists(append.target());
            append(append);
            if (!existed) {
                touchedFolders.add(append.target().getParent());
            }
        }
    }

    /** Step 4: the files the batch removes; a folder that still holds files of others stays. */
    private void delete(List<Path> deletes, Set<Path> touchedFolders) {
        for (Path target : deletes) {
            try {
                if (io.deleteIfExists(target)) {
                    touchedFolders.add(target.getParent());
                }
            } catch (DirectoryNotEmptyException keptForItsOtherFiles) {
                // a folder that also holds files FileStore does not own stays, with them
            } catch (IOException e) {
                throw new StorageException("Cannot delete file", target, e);
            }
        }
    }

    /** Step 5: one fsync per touched folder, so the renames, new files and deletions are durable. */
    private void syncFolders(Set<Path> touchedFolders) {
        for (Path folder : touchedFolders) {
            try {
                io.syncDirectory(folder);
            } catch (IOException e) {
                throw new StorageException("Cannot sync folder", folder, e);
            }
        }
    }

    /**
     * Appends and forces. When either fails, the file is cut back to where the append began (as far as
     * it can be), so that the next append does not follow a torn one and leave a bad line in the middle
     * of the file; the failed append was never acknowledged.
     */
    private void append(FileBatch.Write append) {
        try (WritableFile file = io.openForAppend(append.target())) {
            long start = file.position();
            try {
                file.write(append.content());
                file.force();
            } catch (IOException e) {
                try {
                    file.truncate(start);
                } catch (IOException notCut) {
                    e.addSuppressed(notCut);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new StorageException("Cannot append to file", append.target(), e);
        }
    }

    /** Deletes {@code *.tmp} files left in a folder by an interrupted write; returns how many. */
    @Override
    public int deleteTempFiles(Path folder) {
        return deleteTempFiles(folder, "");
    }

    /**
     * Deletes the temp files an interrupted replacement of files named {@code <prefix>...} left in a
     * folder, and no others (the folder may be shared, and other writers may be at work in it).
     */
    public int deleteTempFiles(Path folder, String prefix) {
        int deleted = 0;
        try {
            for (Path entry : io.list(folder)) {
                String name = entry.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX) && !io.isDirectory(entry)) {
                    io.deleteIfExists(entry);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot clean temp files", folder, e);
        }
        return deleted;
    }

    private static Path tempFor(Path target) {
        return target.resolveSibling(target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
    }

    private Path writeTemp(FileBatch.Write write) {
        Path target = write.target();
        Path temp = tempFor(target);
        try (WritableFile file = io.createNew(temp)) {
            file.write(write.content());
            file.force();
        } catch (IOException e) {
            deleteQuietly(new Path[] {temp});
            throw new StorageException("Cannot write " + target, temp, e);
        }
        return temp;
    }

    private void deleteQuietly(Path[] temps) {
        for (Path temp : temps) {
            if (temp == null) {
                continue;
            }
            try {
                io.deleteIfExists(temp);
            } catch (IOException | RuntimeException ignored) {
                // the next open removes leftover temp files
            }
        }
    }

    private static RuntimeException asRuntime(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(t);
    }
}
