package io.filestore;

/** A registered listener; {@link #close()} removes it. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Stops the listener from being called. */
    @Override
    void close();
}
