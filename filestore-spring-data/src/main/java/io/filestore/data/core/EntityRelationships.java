package io.filestore.data.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.filestore.FileStore;
import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;
import io.filestore.annotation.OneToMany;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.relation.ManyToManyRelationship;
import io.filestore.relation.OnDelete;
import io.filestore.relation.Relationship;
import io.filestore.relation.Relationships;

/**
 * Defines the store relationships that entity references declare: {@code <collection>.<field>} for each
 * {@link ManyToOne} field and each stored {@link ManyToMany} id array, and the same for the field an
 * {@link OneToMany} or inverse {@link ManyToMany} is mapped by. Thread-safe.
 */
public class EntityRelationships implements AutoCloseable {

    private final FileStoreMappingContext context;
    private final Relationships relationships;
    private final Set<Class<?>> defined = ConcurrentHashMap.newKeySet();
    private final Set<Class<?>> inProgress = new HashSet<>();

    public EntityRelationships(FileStore store, FileStoreMappingContext context) {
        this.context = context;
        this.relationships = Relationships.attach(store);
    }

    /** Defines the relationships of the entities (idempotent; cheap for classes already defined). */
    public void define(Collection<Class<?>> entities) {
        for (Class<?> type : entities) {
            if (!defined.contains(type)) {
                defineOne(type);
            }
        }
    }

    private synchronized void defineOne(Class<?> type) {
        if (defined.contains(type) || !inProgress.add(type)) {
            return;
        }
        FileStorePersistentEntity<?> entity = context.getRequiredPersistentEntity(type);
        for (FileStorePersistentProperty property : entity) {
            if (property.isManyToOne()) {
                oneToMany(entity, property.fieldName(), property.referencedType(),
                        property.findAnnotation(ManyToOne.class).onDelete());
            } else if (property.isStoredManyToMany()) {
                idArray(entity, property.fieldName(), property.referencedType(),
                        property.findAnnotation(ManyToMany.class).onDelete());
            } else if (property.isOneToMany()) {
                defineOne(property.getActualType()); // the owning side's own policy comes first
                FileStorePersistentEntity<?> local = context.getRequiredPersistentEntity(property.getActualType());
                oneToMany(local, property.findAnnotation(OneToMany.class).mappedBy(), type, OnDelete.NOTHING);
            } else if (property.isInverseManyToMany()) {
                defineOne(property.referencedType());
                FileStorePersistentEntity<?> local = context.getRequiredPersistentEntity(property.referencedType());
                idArray(local, property.findAnnotation(ManyToMany.class).mappedBy(), type, OnDelete.NOTHING);
            }
        }
        defined.add(type);
        inProgress.remove(type);
    }

    /** The one-to-many relationship of a local collection's reference field. */
    public Relationship oneToMany(String localCollection, String field) {
        return relationships.relationship(localCollection + "." + field).orElseThrow(() -> new IllegalStateException(
                "No relationship " + localCollection + "." + field + " is defined"));
    }

    /** The many-to-many relationship of a local collection's id-array field. */
    public ManyToManyRelationship idArray(String localCollection, String field) {
        return relationships.manyToMany(localCollection + "." + field).orElseThrow(() -> new IllegalStateException(
                "No many-to-many " + localCollection + "." + field + " is defined"));
    }

    @Override
    public void close() {
        relationships.close();
    }

    private void oneToMany(FileStorePersistentEntity<?> local, String field, Class<?> remoteType, OnDelete onDelete) {
        String name = local.collection() + "." + field;
        if (relationships.relationship(name).isEmpty()) {
            relationships.define(name, local.collection(), field, context.getRequiredPersistentEntity(remoteType).collection(),
                    onDelete);
        }
    }

    private void idArray(FileStorePersistentEntity<?> local, String field, Class<?> remoteType, OnDelete onDelete) {
        String name = local.collection() + "." + field;
        if (relationships.manyToMany(name).isEmpty()) {
            relationships.defineIdArray(name, local.collection(), field,
                    context.getRequiredPersistentEntity(remoteType).collection(), onDelete);
        }
    }
}
