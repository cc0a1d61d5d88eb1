package io.filestore;

import java.nio.file.Path;
import java.util.List;

/**
 * The write-ahead log is missing transactions it once held: a segment file was deleted or cut, so
 * opening would silently lose acknowledged writes. The message names the missing segments and
 * sequences; restore the files, or open with {@link FileStoreOptions.Builder#acceptLogLoss(boolean)}
 * to accept the loss (the store then opens with what is left, logs what was lost and reports it in
 * {@code status().wal().acceptedLoss()}). Nothing on disk was changed by the refused open.
 */
public class WriteAheadLogLossException extends FileStoreException {

    private final transient Path folder;
    private final List<String> losses;

    public WriteAheadLogLossException(Path folder, List<String> losses) {
        super("The write-ahead log in " + folder + " is missing transactions it held: " + String.join("; ", losses)
                + ". Restore the missing segment files, or open with FileStoreOptions.builder(dataDir).acceptLogLoss(true)"
                + " to accept the loss: the store then opens with what is left and reports the loss in status().wal()");
        this.folder = folder;
        this.losses = List.copyOf(losses);
    }

    /** The log folder. */
    public Path folder() {
        return folder;
    }

    /** What is missing, one entry per gap. */
    public List<String> losses() {
        return losses;
    }
}
