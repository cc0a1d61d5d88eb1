package io.filestore.relation;

import java.util.List;
import java.util.Set;

import io.filestore.RecordChange;

/**
 * A many-to-many relationship, navigable from both sides: users in groups, tags on posts. The links
 * live either in a join collection (one record per link holding both ids) or in an array field of ids
 * on the local records; {@link Relationships#defineManyToMany} and {@link Relationships#defineIdArray}
 * choose. Every read is index lookups, never a scan.
 *
 * <p>Deleting a record on either side applies the relationship's {@link OnDelete} to its links:
 * {@code CASCADE} removes the links (never the records on the other side), {@code REFUSE} refuses the
 * delete while links exist, {@code NOTHING} leaves them.
 *
 * <p>Thread-safe.
 */
public final class ManyToManyRelationship {

    /** How the links are stored. */
    interface Links {
        List<String> remoteIds(String localId);

        List<String> localIds(String remoteId);

        boolean link(String localId, String remoteId);

        boolean unlink(String localId, String remoteId);

        void enforce(List<RecordChange> changes);

        Set<String> sideIdsChangedBy(RecordChange change, boolean localSide);
    }

    private final String name;
    private final String localCollection;
    private final String remoteCollection;
    private final Links links;

    ManyToManyRelationship(String name, String localCollection, String remoteCollection, Links links) {
        this.name = name;
        this.localCollection = localCollection;
        this.remoteCollection = remoteCollection;
        this.links = links;
    }

    /** The relationship's name. */
    public String name() {
        return name;
    }

    /** One side. */
    public String localCollection() {
        return localCollection;
    }

    /** The other side. */
    public String remoteCollection() {
        return remoteCollection;
    }

    /** The remote ids linked to the local record, without duplicates; empty when none. */
    public List<String> remoteIds(String localId) {
        return links.remoteIds(localId);
    }

    /** The local ids linked to the remote record, without duplicates; empty when none. */
    public List<String> localIds(String remoteId) {
        return links.localIds(remoteId);
    }

    /**
     * Links two records (in the calling thread's transaction, or a transaction of its own).
     *
     * @return false when they were linked already
     * @throws IllegalArgumentException when the local record does not exist (id-array links only)
     */
    public boolean link(String localId, String remoteId) {
        return links.link(localId, remoteId);
    }

    /** Unlinks two records; false when they were not linked. */
    public boolean unlink(String localId, String remoteId) {
        return links.unlink(localId, remoteId);
    }

    /**
     * The ids on one side whose links a committed change may have altered: for join-collection links,
     * the ids a changed join record held before and after; for id-array links, the changed local record
     * or the ids its array held. Empty when the change does not concern the links.
     */
    public Set<String> sideIdsChangedBy(RecordChange change, boolean localSide) {
        return links.sideIdsChangedBy(change, localSide);
    }

    void enforce(List<RecordChange> changes) {
        links.enforce(changes);
    }

    @Override
    public String toString() {
        return "many-to-many '" + name + "' " + localCollection + " <-> " + remoteCollection;
    }
}
