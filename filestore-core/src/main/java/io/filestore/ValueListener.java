package io.filestore;

/** Called after a committed change of one global value, under the same rules as {@link RecordListener}. */
@FunctionalInterface
public interface ValueListener {
    void onChange(ValueChange change);
}
