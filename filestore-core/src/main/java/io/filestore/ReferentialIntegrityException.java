package io.filestore;

import java.util.List;

/**
 * A transaction deleted a record that other records still refer to through a relationship that
 * refuses such deletes. The transaction changed nothing.
 */
public class ReferentialIntegrityException extends FileStoreException {

    private static final int IDS_SHOWN = 5;

    private final String relationship;
    private final String remoteCollection;
    private final String remoteId;
    private final List<String> localIds;

    public ReferentialIntegrityException(String relationship, String remoteCollection, String remoteId,
                                         String localCollection, String localField, List<String> localIds) {
        super("Cannot delete " + remoteCollection + "/'" + remoteId + "': " + localIds.size() + " record(s) of "
                + localCollection + " refer to it through " + localCollection + "." + localField + " (relationship '"
                + relationship + "' refuses such deletes): " + shown(localIds)
                + "; delete or re-point them first, in the same transaction if you like");
        this.relationship = relationship;
        this.remoteCollection = remoteCollection;
        this.remoteId = remoteId;
        this.localIds = List.copyOf(localIds);
    }

    /** The relationship's name. */
    public String relationship() {
        return relationship;
    }

    /** The collection of the record whose delete was refused. */
    public String remoteCollection() {
        return remoteCollection;
    }

    /** The id of the record whose delete was refused. */
    public String remoteId() {
        return remoteId;
    }

    /** The records that still refer to it. */
    public List<String> localIds() {
        return localIds;
    }

    private static String shown(List<String> ids) {
        return ids.size() <= IDS_SHOWN ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, IDS_SHOWN)) + " and " + (ids.size() - IDS_SHOWN) + " more";
    }
}
