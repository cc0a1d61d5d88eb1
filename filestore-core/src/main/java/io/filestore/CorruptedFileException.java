package io.filestore;

import java.nio.file.Path;

/** A file that FileStore wrote does not read back as valid; the message names the file and offset. */
public class CorruptedFileException extends FileStoreException {

    private final transient Path path;
    private final long offset;

    public CorruptedFileException(Path path, long offset, String problem) {
        super("Corrupted file " + path + " at offset " + offset + ": " + problem);
        this.path = path;
        this.offset = offset;
    }

    /** The corrupted file. */
    public Path path() {
        return path;
    }

    /** The byte offset at which the problem starts. */
    public long offset() {
        return offset;
    }
}
