package io.filestore.relation;

/** What deleting a remote record does to the local records that refer to it. */
public enum OnDelete {

    /** The local records keep their reference, which then points at nothing. The default. */
    NOTHING,

    /**
     * The local records are deleted in the same transaction (and what refers to them, in turn, as
     * their own relationships say). For a many-to-many relationship, only the links are removed.
     */
    CASCADE,

    /** The delete is refused with a {@link io.filestore.ReferentialIntegrityException} while any local record refers to the remote one. */
    REFUSE
}
