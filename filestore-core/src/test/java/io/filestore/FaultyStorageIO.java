package io.filestore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/** The real file system, except that renames start failing once a set number have succeeded. */
final class FaultyStorageIO implements StorageIO {

    private final StorageIO real = StorageIO.nio();
    private final AtomicInteger renamesLeft = new AtomicInteger(Integer.MAX_VALUE);

    /** Lets {@code count} more renames succeed, then fails every rename with an {@link IOException}. */
    void failRenamesAfter(int count) {
        renamesLeft.set(count);
    }

    @Override
    public void moveAtomically(Path source, Path target) throws IOException {
        if (renamesLeft.getAndDecrement() <= 0) {
            throw new IOException("injected: EIO on rename to " + target);
        }
        real.moveAtomically(source, target);
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
    public WritableFile createNew(Path file) throws IOException {
        return real.createNew(file);
    }

    @Override
    public WritableFile openForAppend(Path file) throws IOException {
        return real.openForAppend(file);
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
