package io.filestore;

import java.nio.file.Path;

/** A file that FileStore wrote does not read back as valid; the message names the file and offset. */
public class CorruptedFileException extends FileStoreException {

    private final transient Path path;
    private final long offset;
    private final String problem;

    public CorruptedFileException(Path path, long offset, String problem) {
        super("Corrupted file " + path + " at offset " + offset + ": " + problem);
        this.path = path;
        this.offset = offset;
        this.problem = problem;
    }

    /** The corrupted file. */
    public Path path() {
        return path;
    }

    /** What is wrong, without the file and offset. */
    public String problem() {
        return problem;
    }

    /** The byte offset at which the problem starts. */
    public long offset() {
        return offset;
    }
}
