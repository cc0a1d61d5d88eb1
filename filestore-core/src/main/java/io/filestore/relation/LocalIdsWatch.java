package io.filestore.relation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.filestore.ChangeSet;
import io.filestore.RecordChange;

/**
 * Follows the local ids of one remote record. The ids are read again from the index when a commit
 * touched them, so transactions heard out of order on different threads still end in the current ids.
 */
final class LocalIdsWatch {

    private final Relationship relationship;
    private final String remoteId;
    private final LocalIdsListener listener;
    private Set<String> last;

    LocalIdsWatch(Relationship relationship, String remoteId, LocalIdsListener listener) {
        this.relationship = relationship;
        this.remoteId = remoteId;
        this.listener = listener;
        this.last = new HashSet<>(relationship.localIds(remoteId));
    }

    void onCommit(ChangeSet changes) {
        boolean touched = false;
        for (RecordChange change : changes.records()) {
            if (relationship.touches(change, remoteId)) {
                touched = true;
                break;
            }
        }
        if (!touched) {
            return;
        }
        List<String> now;
        synchronized (this) {
            now = relationship.localIds(remoteId);
            Set<String> current = new HashSet<>(now);
            if (current.equals(last)) {
                return;
            }
            last = current;
        }
        listener.onChange(remoteId, now);
    }
}
