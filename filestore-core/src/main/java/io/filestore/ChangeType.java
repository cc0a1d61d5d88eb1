package io.filestore;

/** What a committed change did to a record or value. */
public enum ChangeType {
    /** It did not exist before. */
    CREATED,
    /** It existed and now holds different JSON. */
    UPDATED,
    /** It existed and is gone. */
    DELETED
}
