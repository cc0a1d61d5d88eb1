package io.filestore;

/**
 * A collection needs a library that filestore-core declares optional and that is not usable in this
 * JVM (such as zstd-jni for the {@code compressed} strategy). Raised when the store opens the
 * collection, before anything is read or written; the message names the collection and the artifact
 * to add as {@code groupId:artifactId:version}.
 */
public class MissingDependencyException extends FileStoreException {

    private final String collection;
    private final String artifact;

    public MissingDependencyException(String collection, String artifact, String message, Throwable cause) {
        super(message, cause);
        this.collection = collection;
        this.artifact = artifact;
    }

    /** The collection that needs the library. */
    public String collection() {
        return collection;
    }

    /** The artifact to add, as {@code groupId:artifactId:version}. */
    public String artifact() {
        return artifact;
    }
}
