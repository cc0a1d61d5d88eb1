package io.filestore.relation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeType;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.ReferentialIntegrityException;
import io.filestore.internal.index.FieldPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Links kept as an array of remote ids in a top-level field of each local record; the field's index
 * (one key per element) finds the local records of a remote id.
 */
final class IdArrayLinks implements ManyToManyRelationship.Links {

    private final String name;
    private final FileStore store;
    private final String localCollection;
    private final String field;
    private final String remoteCollection;
    private final OnDelete onDelete;

    IdArrayLinks(String name, FileStore store, String localCollection, String field, String remoteCollection,
                 OnDelete onDelete) {
        if (FieldPath.parse(field) == null || field.contains(".")) {
            throw new IllegalArgumentException("Many-to-many '" + name + "': the id array must be a top-level field, not "
                    + field);
        }
        if (!store.collection(localCollection).isIndexed(field)) {
            throw new IllegalArgumentException("Many-to-many '" + name + "' needs an index on " + localCollection + "."
                    + field + " so that local ids are found without a scan; declare it in the collection's indexed"
                    + " fields (filestore.collections." + localCollection + ".indexed in application.yml)");
        }
        this.name = name;
        this.store = store;
        this.localCollection = localCollection;
        this.field = field;
        this.remoteCollection = remoteCollection;
        this.onDelete = onDelete;
    }

    @Override
    public List<String> remoteIds(String localId) {
        return local().get(localId).<List<String>>map(record -> List.copyOf(idsOf(record))).orElse(List.of());
    }

    @Override
    public List<String> localIds(@Nullable String remoteId) {
        return remoteId == null ? List.of() : local().findIds(field, remoteId);
    }

    @Override
    public boolean link(String localId, String remoteId) {
        return store.callInTransaction(tx -> {
            ObjectNode record = local().get(localId).orElseThrow(() -> new IllegalArgumentException(
                    "Many-to-many '" + name + "': no record " + localCollection + "/'" + localId + "' to link"));
            Set<String> ids = idsOf(record);
            if (!ids.add(remoteId)) {
                return false;
            }
            write(localId, record, ids);
            return true;
        });
    }

    @Override
    public boolean unlink(String localId, String remoteId) {
        return store.callInTransaction(tx -> {
            ObjectNode record = local().get(localId).orElse(null);
            if (record == null) {
                return false;
            }
            Set<String> ids = idsOf(record);
            if (!ids.remove(remoteId)) {
                return false;
            }
            write(localId, record, ids);
            return true;
        });
    }

    @Override
    public void enforce(List<RecordChange> changes) {
        if (onDelete == OnDelete.NOTHING) {
            return;
        }
        for (RecordChange change : changes) {
            if (!change.collection().equals(remoteCollection) || change.type() != ChangeType.DELETED) {
                continue;
            }
            List<String> referring = localIds(change.id());
            if (!referring.isEmpty() && onDelete == OnDelete.REFUSE) {
                throw new ReferentialIntegrityException(name, remoteCollection, change.id(), localCollection, field,
                        referring);
            }
            for (String localId : referring) {
                unlink(localId, change.id());
            }
        }
    }

    @Override
    public Set<String> sideIdsChangedBy(RecordChange change, boolean localSide) {
        Set<String> ids = new LinkedHashSet<>();
        if (change.collection().equals(localCollection)) {
            if (localSide) {
                ids.add(change.id());
            } else {
                change.before().ifPresent(record -> ids.addAll(idsOf(record)));
                change.after().ifPresent(record -> ids.addAll(idsOf(record)));
            }
        }
        return ids;
    }

    private Set<String> idsOf(ObjectNode record) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode array = record.get(field);
        if (array != null && array.isArray()) {
            for (JsonNode element : array) {
                if (element.isString()) {
                    ids.add(element.stringValue());
                }
            }
        }
        return ids;
    }

    private void write(String localId, ObjectNode record, Set<String> ids) {
        ArrayNode array = record.putArray(field);
        ids.forEach(array::add);
        local().put(localId, record);
    }

    private DocumentCollection local() {
        return store.collection(localCollection);
    }
}
