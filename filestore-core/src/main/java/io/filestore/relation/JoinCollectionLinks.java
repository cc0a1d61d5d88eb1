package io.filestore.relation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.filestore.FileStore;
import io.filestore.RecordChange;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Links kept as records of a join collection, each naming one local and one remote id: two one-to-many
 * relationships from the join collection, one to each side.
 */
final class JoinCollectionLinks implements ManyToManyRelationship.Links {

    private final FileStore store;
    private final Relationship toLocal;
    private final Relationship toRemote;

    JoinCollectionLinks(FileStore store, Relationship toLocal, Relationship toRemote) {
        this.store = store;
        this.toLocal = toLocal;
        this.toRemote = toRemote;
    }

    @Override
    public List<String> remoteIds(String localId) {
        return across(toLocal.localIds(localId), toRemote);
    }

    @Override
    public List<String> localIds(String remoteId) {
        return across(toRemote.localIds(remoteId), toLocal);
    }

    @Override
    public boolean link(String localId, String remoteId) {
        return store.callInTransaction(tx -> {
            if (!joins(localId, remoteId).isEmpty()) {
                return false;
            }
            ObjectNode join = JsonNodeFactory.instance.objectNode();
            join.put(toLocal.localField(), localId);
            join.put(toRemote.localField(), remoteId);
            toLocal.local().add(join);
            return true;
        });
    }

    @Override
    public boolean unlink(String localId, String remoteId) {
        return store.callInTransaction(tx -> {
            List<String> joins = joins(localId, remoteId);
            joins.forEach(toLocal.local()::delete);
            return !joins.isEmpty();
        });
    }

    @Override
    public void enforce(List<RecordChange> changes) {
        toLocal.enforce(changes);
        toRemote.enforce(changes);
    }

    @Override
    public Set<String> sideIdsChangedBy(RecordChange change, boolean localSide) {
        Relationship side = localSide ? toLocal : toRemote;
        Set<String> ids = new LinkedHashSet<>();
        if (change.collection().equals(side.localCollection())) {
            change.before().flatMap(side::remoteIdOf).ifPresent(ids::add);
            change.after().flatMap(side::remoteIdOf).ifPresent(ids::add);
        }
        return ids;
    }

    /** The join records that link the two ids. */
    private List<String> joins(String localId, String remoteId) {
        Set<String> ofRemote = new LinkedHashSet<>(toRemote.localIds(remoteId));
        List<String> both = new ArrayList<>();
        for (String joinId : toLocal.localIds(localId)) {
            if (ofRemote.contains(joinId)) {
                both.add(joinId);
            }
        }
        return both;
    }

    private static List<String> across(List<String> joinIds, Relationship otherSide) {
        Set<String> ids = new LinkedHashSet<>();
        for (String joinId : joinIds) {
            otherSide.remoteId(joinId).ifPresent(ids::add);
        }
        return new ArrayList<>(ids);
    }
}
