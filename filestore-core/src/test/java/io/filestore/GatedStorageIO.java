package io.filestore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * The real file system, except that creating a file in one folder waits at a gate until the test opens
 * it: a flush that writes record files there stalls, while the write-ahead log, the checkpoint and
 * every other folder work as usual.
 */
final class GatedStorageIO implements StorageIO, AutoCloseable {

    private final StorageIO real = StorageIO.nio();
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

    @Override
    public void createDirectories(Path dir) throws IOException {
        real.createDirectories(dir);
    }

    @Override
    public boolean exists(Path path) {
        return real.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return real.isDirectory(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return real.list(dir);
    }

    @Override
    public byte[] readAllBytes(Path file) throws IOException {
        return real.readAllBytes(file);
    }

    @Override
    public long size(Path file) throws IOException {
        return real.size(file);
    }

    @Override
    public WritableFile openForAppend(Path file) throws IOException {
        return real.openForAppend(file);
    }

    @Override
    public void moveAtomically(Path source, Path target) throws IOException {
        real.moveAtomically(source, target);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return real.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        real.syncDirectory(dir);
    }

    @Override
    public FolderLock lockFolder(Path dir, String lockFileName) throws IOException {
        return real.lockFolder(dir, lockFileName);
    }
}
