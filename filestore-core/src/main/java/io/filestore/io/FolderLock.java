package io.filestore.io;

import java.io.IOException;
import java.nio.file.Path;

/** The exclusive hold on a data folder; closing it releases the folder. */
public interface FolderLock extends AutoCloseable {

    /** The locked folder. */
    Path folder();

    @Override
    void close() throws IOException;
}
