package io.filestore.relation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.filestore.ChangeType;
import io.filestore.FileStore;
import io.filestore.RecordChange;
import io.filestore.Subscription;

/**
 * The relationships defined on a store (TinyBase's Relationships, plus many-to-many): one-to-many
 * references, linked lists and many-to-many links, with their delete policies enforced inside every
 * transaction that deletes a referenced record.
 *
 * <p>Definitions live in memory, not on disk: define them at startup, after opening the store. A
 * relationship reads the referencing field through its index, so the field must be declared indexed.
 *
 * <p>Thread-safe. Close it to stop enforcing delete policies.
 */
public final class Relationships implements AutoCloseable {

    private final FileStore store;
    private final Map<String, Relationship> oneToMany = new ConcurrentHashMap<>();
    private final Map<String, ManyToManyRelationship> manyToMany = new ConcurrentHashMap<>();
    private final Subscription hook;

    private Relationships(FileStore store) {
        this.store = store;
        this.hook = store.beforeCommit(this::enforce);
    }

    /** Starts enforcing relationships on the store. */
    public static Relationships attach(FileStore store) {
        return new Relationships(store);
    }

    /**
     * Defines a one-to-many relationship: each record of {@code localCollection} names a record of
     * {@code remoteCollection} in {@code localField}. Deleting a remote record leaves the references.
     *
     * @throws IllegalArgumentException when the field is not indexed or the name is taken
     */
    public Relationship define(String name, String localCollection, String localField, String remoteCollection) {
        return define(name, localCollection, localField, remoteCollection, OnDelete.NOTHING);
    }

    /** As {@link #define(String, String, String, String)}, with a delete policy. */
    public Relationship define(String name, String localCollection, String localField, String remoteCollection,
                               OnDelete onDelete) {
        Relationship relationship = new Relationship(name, store, localCollection, localField, remoteCollection, onDelete);
        register(name, relationship, oneToMany);
        return relationship;
    }

    /**
     * Defines a linked list: each record of the collection names the next one in {@code nextField}.
     * With {@link OnDelete#CASCADE}, deleting a record deletes the records that point at it.
     */
    public Relationship defineLinkedList(String name, String collection, String nextField, OnDelete onDelete) {
        return define(name, collection, nextField, collection, onDelete);
    }

    /**
     * Defines a many-to-many relationship through a join collection whose records hold a local id in
     * {@code localKey} and a remote id in {@code remoteKey} (both fields indexed).
     */
    public ManyToManyRelationship defineManyToMany(String name, String localCollection, String remoteCollection,
                                                   String joinCollection, String localKey, String remoteKey,
                                                   OnDelete onDelete) {
        Relationship toLocal = new Relationship(name + ".local", store, joinCollection, localKey, localCollection, onDelete);
        Relationship toRemote = new Relationship(name + ".remote", store, joinCollection, remoteKey, remoteCollection,
                onDelete);
        ManyToManyRelationship relationship = new ManyToManyRelationship(name, localCollection, remoteCollection,
                new JoinCollectionLinks(store, toLocal, toRemote));
        register(name, relationship, manyToMany);
        return relationship;
    }

    /**
     * Defines a many-to-many relationship kept in a top-level array field of the local records that
     * holds remote ids (indexed, one key per element).
     */
    public ManyToManyRelationship defineIdArray(String name, String localCollection, String arrayField,
                                                String remoteCollection, OnDelete onDelete) {
        ManyToManyRelationship relationship = new ManyToManyRelationship(name, localCollection, remoteCollection,
                new IdArrayLinks(name, store, localCollection, arrayField, remoteCollection, onDelete));
        register(name, relationship, manyToMany);
        return relationship;
    }

    /** The one-to-many relationship or linked list of that name. */
    public Optional<Relationship> relationship(String name) {
        return Optional.ofNullable(oneToMany.get(name));
    }

    /** The many-to-many relationship of that name. */
    public Optional<ManyToManyRelationship> manyToMany(String name) {
        return Optional.ofNullable(manyToMany.get(name));
    }

    /** Every one-to-many relationship whose references point into the collection. */
    public List<Relationship> referencing(String remoteCollection) {
        return oneToMany.values().stream().filter(r -> r.remoteCollection().equals(remoteCollection)).toList();
    }

    /** Stops enforcing delete policies; the definitions stay readable. */
    @Override
    public void close() {
        hook.close();
    }

    private <T> void register(String name, T relationship, Map<String, T> into) {
        synchronized (this) {
            if (oneToMany.containsKey(name) || manyToMany.containsKey(name)) {
                throw new IllegalArgumentException("A relationship named '" + name + "' is already defined");
            }
            into.put(name, relationship);
        }
    }

    private void enforce(List<RecordChange> changes) {
        if (changes.stream().allMatch(change -> change.type() != ChangeType.DELETED)) {
            return;
        }
        oneToMany.values().forEach(relationship -> relationship.enforce(changes));
        manyToMany.values().forEach(relationship -> relationship.enforce(changes));
    }
}
