package io.filestore.data.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.mapping.PersistentPropertyAccessor;

import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.OneToMany;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills the reference properties of an entity just read: many-to-one references from the ids its
 * document holds, one-to-many and inverse many-to-many sides from the relationships' indexes. One level
 * deep: referenced entities are loaded without their own references. Referenced entities come in id
 * order.
 */
final class EntityReferences {

    /** Loads one referenced entity (publishing its lifecycle events); empty when it is gone. */
    @FunctionalInterface
    interface Loader {
        Optional<?> load(String id, Class<?> type);
    }

    private final FileStoreMappingContext context;
    private final EntityRelationships relationships;

    EntityReferences(FileStoreMappingContext context, EntityRelationships relationships) {
        this.context = context;
        this.relationships = relationships;
    }

    /** The entity with its references resolved, through the accessor (a new instance for an immutable entity). */
    <T> T resolve(PersistentPropertyAccessor<T> accessor, ObjectNode document, String id, Loader loader) {
        FileStorePersistentEntity<?> persistent = context.getRequiredPersistentEntity(accessor.getBean().getClass());
        for (FileStorePersistentProperty property : persistent) {
            if (property.holdsEntities()) {
                List<?> referenced = loadAll(referenceIds(document, property.fieldName()), property.referencedType(), loader);
                accessor.setProperty(property, property.isCollectionLike() ? collectionOf(property, referenced)
                        : referenced.isEmpty() ? null : referenced.get(0));
            } else if (property.isOneToMany()) {
                Class<?> type = property.getActualType();
                String mappedBy = property.findAnnotation(OneToMany.class).mappedBy();
                List<String> ids = relationships.oneToMany(collection(type), mappedBy).localIds(id);
                accessor.setProperty(property, collectionOf(property, loadAll(ids, type, loader)));
            } else if (property.isInverseManyToMany()) {
                Class<?> type = property.referencedType();
                String mappedBy = property.findAnnotation(ManyToMany.class).mappedBy();
                List<String> ids = relationships.idArray(collection(type), mappedBy).localIds(id);
                accessor.setProperty(property, collectionOf(property,
                        property.isIdValued() ? sorted(ids) : loadAll(ids, type, loader)));
            }
        }
        return accessor.getBean();
    }

    /** The ids a document holds in a reference field: one, several, or none. */
    static List<String> referenceIds(ObjectNode document, String field) {
        JsonNode node = document.get(field);
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            node.forEach(element -> {
                if (element.isString()) {
                    ids.add(element.stringValue());
                }
            });
        } else if (node.isString()) {
            ids.add(node.stringValue());
        }
        return ids;
    }

    private String collection(Class<?> type) {
        return context.getRequiredPersistentEntity(type).collection();
    }

    private static List<Object> loadAll(List<String> ids, Class<?> type, Loader loader) {
        List<Object> loaded = new ArrayList<>(ids.size());
        for (String referencedId : sorted(ids)) {
            loader.load(referencedId, type).ifPresent(loaded::add);
        }
        return loaded;
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        copy.sort(null);
        return copy;
    }

    private static Object collectionOf(FileStorePersistentProperty property, List<?> values) {
        if (Set.class.isAssignableFrom(property.getType())) {
            return new LinkedHashSet<>(values);
        }
        return new ArrayList<>(values);
    }
}
