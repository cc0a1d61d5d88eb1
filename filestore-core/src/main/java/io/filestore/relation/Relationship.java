package io.filestore.relation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeType;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.ReferentialIntegrityException;
import io.filestore.Subscription;
import io.filestore.internal.index.FieldPath;
import tools.jackson.databind.node.ObjectNode;

/**
 * A one-to-many relationship: each record of the local collection names one record of the remote
 * collection by id in a field (many orders point at one user through {@code orders.userId}). When the
 * local and remote collections are the same, the records form linked lists ({@link #linkedIds}).
 *
 * <p>Both directions are O(1): {@link #remoteId} reads one record's field, {@link #localIds} is one
 * lookup in the field's hash index, which is why the local field must be indexed. Both read the
 * committed state, overlaid with the calling thread's open transaction, and never a half-applied one.
 * The field holds the remote id as a JSON string (or an array of them for {@link Relationships#defineIdArray});
 * other values are not references.
 *
 * <p>Thread-safe. Obtain one from {@link Relationships#define}.
 */
public final class Relationship {

    private final String name;
    private final FileStore store;
    private final String localCollection;
    private final @Nullable FieldPath localField;
    private final String remoteCollection;
    private final OnDelete onDelete;

    Relationship(String name, FileStore store, String localCollection, String localField, String remoteCollection,
                 OnDelete onDelete) {
        this.name = name;
        this.store = store;
        this.localCollection = localCollection;
        this.localField = FieldPath.parse(localField);
        this.remoteCollection = remoteCollection;
        this.onDelete = Objects.requireNonNull(onDelete, "onDelete");
        if (this.localField == null) {
            throw new IllegalArgumentException("Relationship '" + name + "': not a field path: " + localField);
        }
        if (!local().isIndexed(localField)) {
            throw new IllegalArgumentException("Relationship '" + name + "' needs an index on " + localCollection + "."
                    + localField + " so that local ids are found without a scan; declare it in the collection's indexed"
                    + " fields (filestore.collections." + localCollection + ".indexed in application.yml)");
        }
    }

    /** The relationship's name. */
    public String name() {
        return name;
    }

    /** The collection whose records hold the reference. */
    public String localCollection() {
        return localCollection;
    }

    /** The field path of the reference in the local records. */
    public String localField() {
        return localField.path();
    }

    /** The collection the references point into. */
    public String remoteCollection() {
        return remoteCollection;
    }

    /** What deleting a remote record does. */
    public OnDelete onDelete() {
        return onDelete;
    }

    /** Whether this is a linked list (local and remote are one collection). */
    public boolean isLinkedList() {
        return localCollection.equals(remoteCollection);
    }

    /**
     * The id the local record refers to; empty when the record does not exist or holds no string there.
     * The remote record may not exist (see {@link OnDelete#NOTHING}).
     */
    public Optional<String> remoteId(String localId) {
        return local().get(localId).flatMap(this::remoteIdOf);
    }

    /** The ids of the local records that refer to the remote id, in no particular order; empty when none. */
    public List<String> localIds(@Nullable String remoteId) {
        return remoteId == null ? List.of() : local().findIds(localField.path(), remoteId);
    }

    /**
     * The linked list that starts at the record: its id, then the id its field points at, and so on,
     * until a record that points nowhere, to a missing record, or back into the list (a cycle).
     *
     * @throws IllegalStateException when this relationship is not a linked list
     */
    public List<String> linkedIds(String firstId) {
        if (!isLinkedList()) {
            throw new IllegalStateException("Relationship '" + name + "' links " + localCollection + " to "
                    + remoteCollection + "; only a relationship within one collection is a linked list");
        }
        Set<String> list = new LinkedHashSet<>();
        String next = firstId;
        while (next != null && local().exists(next) && list.add(next)) {
            next = remoteId(next).orElse(null);
        }
        return new ArrayList<>(list);
    }

    /**
     * Listens to the local ids of one remote record: the listener gets the new ids after each committed
     * transaction that changed them (a local record pointing to it or away from it, created or deleted).
     */
    public Subscription onLocalIds(String remoteId, LocalIdsListener listener) {
        LocalIdsWatch watch = new LocalIdsWatch(this, remoteId, listener);
        return store.onTransaction(watch::onCommit);
    }

    /** The remote id a local record (or an image of one, such as a change's before) refers to; empty when none. */
    public Optional<String> remoteIdOf(ObjectNode record) {
        for (Object key : localField.keysOf(record)) {
            if (key instanceof String id) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** Whether a local change moved a reference to or from the remote id. */
    boolean touches(RecordChange change, String remoteId) {
        return change.collection().equals(localCollection)
                && (refersTo(change.before(), remoteId) || refersTo(change.after(), remoteId));
    }

    /** Applies the delete policy to a transaction's pending changes; runs inside the transaction. */
    void enforce(List<RecordChange> changes) {
        if (onDelete == OnDelete.NOTHING) {
            return;
        }
        for (RecordChange change : changes) {
            if (!change.collection().equals(remoteCollection) || change.type() != ChangeType.DELETED) {
                continue;
            }
            List<String> referring = localIds(change.id());
            if (referring.isEmpty()) {
                continue;
            }
            if (onDelete == OnDelete.REFUSE) {
                throw new ReferentialIntegrityException(name, remoteCollection, change.id(), localCollection,
                        localField.path(), referring);
            }
            referring.forEach(local()::delete);
        }
    }

    DocumentCollection local() {
        return store.collection(localCollection);
    }

    private boolean refersTo(Optional<ObjectNode> record, String remoteId) {
        return record.isPresent() && localField.keysOf(record.get()).contains(remoteId);
    }

    @Override
    public String toString() {
        return "relationship '" + name + "' " + localCollection + "." + localField + " -> " + remoteCollection
                + " (on delete " + onDelete.name().toLowerCase() + ")";
    }
}
