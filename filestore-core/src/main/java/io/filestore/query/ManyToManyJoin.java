package io.filestore.query;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.relation.ManyToManyRelationship;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** From a record on one side of a many-to-many relationship to every record linked to it, as an array. */
final class ManyToManyJoin implements Join {

    private final String alias;
    private final ManyToManyRelationship relationship;
    private final boolean fromLocal;
    private final FileStore store;

    ManyToManyJoin(String alias, ManyToManyRelationship relationship, boolean fromLocal, FileStore store) {
        this.alias = alias;
        this.relationship = relationship;
        this.fromLocal = fromLocal;
        this.store = store;
    }

    public String alias() {
        return alias;
    }

    public String collection() {
        return fromLocal ? relationship.remoteCollection() : relationship.localCollection();
    }

    public JsonNode fetch(String baseId, ObjectNode base) {
        return Joins.records(store.collection(collection()), linked(baseId, fromLocal));
    }

    public Set<String> baseIdsOf(Collection<String> joinedIds) {
        Set<String> ids = new LinkedHashSet<>();
        joinedIds.forEach(joinedId -> ids.addAll(linked(joinedId, !fromLocal)));
        return ids;
    }

    public void addAffected(RecordChange change, Set<String> baseIds) {
        baseIds.addAll(relationship.sideIdsChangedBy(change, fromLocal));
        if (change.collection().equals(collection())) {
            baseIds.addAll(linked(change.id(), !fromLocal));
        }
    }

    private List<String> linked(String id, boolean ofLocal) {
        return ofLocal ? relationship.remoteIds(id) : relationship.localIds(id);
    }

    @Override
    public String toString() {
        return "join " + alias + " = every record linked by " + relationship;
    }
}
