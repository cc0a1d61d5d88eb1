package io.filestore.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The raw-I/O baselines FileStore is compared with: the same system calls FileStore's NIO layer
 * makes ({@code FileChannel} write + {@code force(true)}, atomic {@code Files.move}, folder
 * {@code force}), with no journal, no JSON and no bookkeeping.
 */
final class RawFiles {

    /** The threads the raw parallel loops use (FileStore uses max(4, cores)). */
    static final int THREADS = 4;

    private RawFiles() {
    }

    /** The temp file name used for {@code target}, unique per call index as FileStore's are per call. */
    static Path tempOf(Path target, int i) {
        return target.resolveSibling(target.getFileName() + "." + Integer.toHexString(i) + ".tmp");
    }

    /** Writes {@code content} to a new file and forces it to disk. */
    static void writeAndForce(Path file, byte[] content) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames {@code source} over {@code target} atomically. */
    static void moveAtomically(Path source, Path target) {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forces a folder, making the renames in it durable. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code work(i)} for every {@code i} in {@code [0, count)} on {@code threads} tasks of the
     * pool, task {@code t} taking every index {@code i} with {@code i % threads == t} (FileStore's
     * split), and waits for all of them.
     */
    static void parallelFor(ExecutorService pool, int threads, int count, IntConsumer work) {
        int tasks = Math.max(1, Math.min(threads, count));
        List<Future<?>> futures = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            int first = t;
            futures.add(pool.submit(() -> {
                for (int i = first; i < count; i += tasks) {
                    work.accept(i);
                }
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
