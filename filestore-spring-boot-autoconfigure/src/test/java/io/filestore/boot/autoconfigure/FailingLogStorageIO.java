package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.filestore.spi.FolderLock;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * The real file system, except that once {@link #failLogFsyncs() armed}, every fsync of a write-ahead
 * log segment fails as a full or broken disk would: the store then fences itself.
 */
public final class FailingLogStorageIO implements StorageIO {

    private final StorageIO real = StorageIO.nio();
    private volatile boolean failing;

    /** Makes every following fsync of a log segment throw. */
    public void failLogFsyncs() {
        failing = true;
    }

    @Override
    public WritableFile createNew(Path file) throws IOException {
        return watched(file, real.createNew(file));
    }

    @Override
    public WritableFile openForAppend(Path file) throws IOException {
        return watched(file, real.openForAppend(file));
    }

    private WritableFile watched(Path path, WritableFile file) {
        if (!path.getFileName().toString().startsWith("segment-")) {
            return file;
        }
        return new WritableFile() {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                file.write(bytes, offset, length);
            }

            @Override
            public void force() throws IOException {
                if (failing) {
                    throw new IOException("injected: EIO on fsync of " + path);
                }
                file.force();
            }

            @Override
            public void forceData() throws IOException {
                if (failing) {
                    throw new IOException("injected: EIO on fsync (fdatasync) of " + path);
                }
                file.forceData();
            }

            @Override
            public void preallocate(long from, long to) throws IOException {
                file.preallocate(from, to);
            }

            @Override
            public long position() throws IOException {
                return file.position();
            }

            @Override
            public void truncate(long size) throws IOException {
                file.truncate(size);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
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
