package io.filestore.query;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.relation.Relationship;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** From a remote record to every local record that refers to it (a user's orders), as an array. */
final class OneToManyJoin implements Join {

    private final String alias;
    private final Relationship relationship;
    private final FileStore store;

    OneToManyJoin(String alias, Relationship relationship, FileStore store) {
        this.alias = alias;
        this.relationship = relationship;
        this.store = store;
    }

    public String alias() {
        return alias;
    }

    public String collection() {
        return relationship.localCollection();
    }

    public JsonNode fetch(String baseId, ObjectNode base) {
        return Joins.records(store.collection(collection()), relationship.localIds(baseId));
    }

    public Set<String> baseIdsOf(Collection<String> joinedIds) {
        Set<String> ids = new LinkedHashSet<>();
        joinedIds.forEach(localId -> relationship.remoteId(localId).ifPresent(ids::add));
        return ids;
    }

    public void addAffected(RecordChange change, Set<String> baseIds) {
        if (change.collection().equals(collection())) {
            change.before().flatMap(relationship::remoteIdOf).ifPresent(baseIds::add);
            change.after().flatMap(relationship::remoteIdOf).ifPresent(baseIds::add);
        }
    }

    @Override
    public String toString() {
        return "join " + alias + " = every record of " + relationship;
    }
}
