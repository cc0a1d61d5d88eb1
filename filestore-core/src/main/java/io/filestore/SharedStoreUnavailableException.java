package io.filestore;

/**
 * The shared store's database could not be reached (or failed) while a write needed it: the write was
 * not committed. Reads keep working from memory; {@code status().shared()} says the store is not
 * writable and why, and once the database answers again the store catches up and takes writes. Spring
 * Data translates it, as every {@link StorageException}, into {@code DataAccessResourceFailureException}.
 */
public class SharedStoreUnavailableException extends StorageException {

    public SharedStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
