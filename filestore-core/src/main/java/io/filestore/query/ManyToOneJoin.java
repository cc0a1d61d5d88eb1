package io.filestore.query;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.relation.Relationship;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** From a local record to the one remote record it refers to (an order's user). */
final class ManyToOneJoin implements Join {

    private final String alias;
    private final Relationship relationship;
    private final FileStore store;

    ManyToOneJoin(String alias, Relationship relationship, FileStore store) {
        this.alias = alias;
        this.relationship = relationship;
        this.store = store;
    }

    public String alias() {
        return alias;
    }

    public String collection() {
        return relationship.remoteCollection();
    }

    public JsonNode fetch(String baseId, ObjectNode base) {
        return relationship.remoteIdOf(base).flatMap(store.collection(collection())::get).orElse(null);
    }

    public Set<String> baseIdsOf(Collection<String> joinedIds) {
        Set<String> ids = new LinkedHashSet<>();
        joinedIds.forEach(remoteId -> ids.addAll(relationship.localIds(remoteId)));
        return ids;
    }

    public void addAffected(RecordChange change, Set<String> baseIds) {
        if (change.collection().equals(collection())) {
            baseIds.addAll(relationship.localIds(change.id()));
        }
    }

    @Override
    public String toString() {
        return "join " + alias + " = " + relationship;
    }
}
