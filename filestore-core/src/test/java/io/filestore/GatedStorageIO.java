package io.filestore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.filestore.spi.WritableFile;

/**
 * The real file system, except that creating a file in one folder waits at a gate until the test opens
 * it: a flush that writes record files there stalls, while the write-ahead log, the checkpoint and
 * every other folder work as usual.
 */
final class GatedStorageIO extends ForwardingStorageIO implements AutoCloseable {

    private final Path gatedFolder;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();

    /** Closes the gate on files created directly in {@code folder}. */
    GatedStorageIO(Path folder) {
        this.gatedFolder = folder.toAbsolutePath().normalize();
    }

    /** Lets every waiting and later file creation through. */
    void open() {
        gate.countDown();
    }

    /** Opens the gate, so that a test that failed with it closed still closes its store at once. */
    @Override
    public void close() {
        open();
    }

    /** How many file creations are waiting at the gate now. */
    int waiting() {
        return waiting.get();
    }

    @Override
    public WritableFile createNew(Path file) throws IOException {
        if (gatedFolder.equals(file.toAbsolutePath().normalize().getParent())) {
            waiting.incrementAndGet();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("the test never opened the gate for " + file);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted at the gate for " + file, e);
            } finally {
                waiting.decrementAndGet();
            }
        }
        return real.createNew(file);
    }
}
