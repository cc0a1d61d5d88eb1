package io.filestore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/** The real file system, call for call: test file systems extend it and override the calls they disturb. */
abstract class ForwardingStorageIO implements StorageIO {

    /** The file system every call goes to unless overridden. */
    protected final StorageIO real = StorageIO.nio();

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
