package io.filestore.spi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The files one flush replaces, appends to or deletes, applied together by the store's
 * {@link AtomicFileWriter}. Not thread-safe; build it on one thread.
 */
public final class FileBatch {

    /** A file to replace with new content. */
    public record Write(Path target, byte[] content) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final List<Write> appends = new ArrayList<>();
    private final List<Path> deletes = new ArrayList<>();

    /** Replaces (or creates) {@code target} with {@code content}. */
    public void write(Path target, byte[] content) {
        writes.add(new Write(target, content));
    }

    /**
     * Appends {@code content} to {@code target} (created when missing) and forces it. Appends are not
     * atomic by themselves: a crash may leave a torn tail, which the file's reader must detect.
     */
    public void append(Path target, byte[] content) {
        appends.add(new Write(target, content));
    }

    /** The appends, in order. */
    public List<Write> appends() {
        return Collections.unmodifiableList(appends);
    }

    /** Deletes {@code target} if it exists. */
    public void delete(Path target) {
        deletes.add(target);
    }

    /** The files to replace. */
    public List<Write> writes() {
        return Collections.unmodifiableList(writes);
    }

    /** The files to delete. */
    public List<Path> deletes() {
        return Collections.unmodifiableList(deletes);
    }

    /** Whether there is nothing to do. */
    public boolean isEmpty() {
        return writes.isEmpty() && appends.isEmpty() && deletes.isEmpty();
    }

    /** How many files the batch touches. */
    public int size() {
        return writes.size() + appends.size() + deletes.size();
    }
}
