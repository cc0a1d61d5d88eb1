package io.filestore.data.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.mapping.PersistentPropertyAccessor;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.query.Query;
import io.filestore.query.QueryResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores and loads entities: the one place repositories go through. Every method translates
 * FileStore's exceptions into Spring's {@code DataAccessException}s and joins the calling thread's
 * FileStore transaction (Spring's {@code @Transactional} opens one).
 *
 * <p>Saving: a {@code null} String id gets a random UUID; a {@code @Version} property is checked
 * against the stored record (a mismatch is an {@link OptimisticLockingFailureException}) and
 * incremented; auditing fields are set when auditing is enabled. Reading: references are resolved
 * eagerly, one level deep (see {@link io.filestore.annotation.ManyToOne}).
 *
 * <p>Closing the application context never deletes data: this class has no clear-on-destroy.
 * Thread-safe.
 */
public class FileStoreTemplate {

    private final FileStore store;
    private final FileStoreMappingContext context;
    private final MappingFileStoreConverter converter;
    private final EntityRelationships relationships;
    private final FileStoreExceptionTranslator translator = new FileStoreExceptionTranslator();
    private volatile AuditingHandler auditing;

    /**
     * @param entities the entity classes whose references to define as relationships now; others are
     *                 added on first use
     */
    public FileStoreTemplate(FileStore store, MappingFileStoreConverter converter, Collection<Class<?>> entities) {
        this.store = store;
        this.context = converter.getMappingContext();
        this.converter = converter;
        this.relationships = new EntityRelationships(store, context);
        entities.forEach(context::getRequiredPersistentEntity);
        translate(() -> {
            relationships.define(entities);
            return null;
        });
    }

    public FileStore store() {
        return store;
    }

    public FileStoreMappingContext mappingContext() {
        return context;
    }

    /** The converter between entities and documents. */
    public MappingFileStoreConverter converter() {
        return converter;
    }

    /** The relationships entity references declared. */
    public EntityRelationships relationships() {
        return relationships;
    }

    /** Sets created and modified dates and users on save; {@code null} turns auditing off. */
    public void setAuditingHandler(AuditingHandler auditing) {
        this.auditing = auditing;
    }

    /** The collection of an entity class. */
    public String collection(Class<?> type) {
        return entity(type).collection();
    }

    /** Inserts or replaces the entity; returns it with its id, version and audit fields set. */
    public <T> T save(T entity) {
        return translate(() -> store.callInTransaction(tx -> saveInTransaction(entity)));
    }

    /** The entity with the id, references resolved; empty when there is none. */
    public <T> Optional<T> findById(Object id, Class<T> type) {
        return translate(() -> load(converter.idString(id), type, true));
    }

    /** Whether a record with the id exists. */
    public boolean existsById(Object id, Class<?> type) {
        return translate(() -> collection(type, true).exists(converter.idString(id)));
    }

    /** Every entity of the class, by id. */
    public <T> List<T> findAll(Class<T> type) {
        return find(query(type), type);
    }

    /** How many entities of the class there are. */
    public long count(Class<?> type) {
        return translate(() -> collection(type, true).count());
    }

    /** A query over the entity class's collection, for {@link #find}. */
    public Query query(Class<?> type) {
        return Query.from(store, collection(type));
    }

    /** Runs the query and maps its rows (which must be whole records) to entities. */
    public <T> List<T> find(Query query, Class<T> type) {
        return translate(() -> {
            QueryResult result = query.run();
            List<T> entities = new ArrayList<>(result.size());
            for (int i = 0; i < result.size(); i++) {
                entities.add(toEntity(result.rows().get(i), result.ids().get(i), type, true));
            }
            return entities;
        });
    }

    /** How many records the query matches, ignoring its offset and limit. */
    public long count(Query query) {
        return translate(query::count);
    }

    /**
     * Deletes the entity's record; with a {@code @Version} property, only if the stored version is the
     * entity's (else an {@link OptimisticLockingFailureException}).
     *
     * @return false when there was none
     * @throws InvalidDataAccessApiUsageException when the entity's class has no id property, so no record
     *                                            could be told apart as its own
     */
    public boolean delete(Object entity) {
        if (entity(entity.getClass()).getIdProperty() == null) {
            throw new InvalidDataAccessApiUsageException("Cannot delete a " + entity.getClass().getSimpleName()
                    + " from " + collection(entity.getClass()) + ": the class has no id property (@Id, or a field named id)");
        }
        return translate(() -> store.callInTransaction(tx -> {
            FileStorePersistentEntity<?> persistent = entity(entity.getClass());
            String id = idOf(entity);
            if (id == null) {
                return false;
            }
            DocumentCollection collection = collection(entity.getClass(), true);
            FileStorePersistentProperty version = persistent.getVersionProperty();
            if (version != null) {
                Optional<ObjectNode> stored = collection.get(id);
                Object given = persistent.getPropertyAccessor(entity).getProperty(version);
                if (stored.isPresent() && given != null && !sameVersion(stored.get().get(version.fieldName()), given)) {
                    throw new OptimisticLockingFailureException("Cannot delete " + persistent.collection() + "/'" + id
                            + "': version " + given + " is stale, the stored version is " + stored.get().get(version.fieldName()));
                }
            }
            return collection.delete(id);
        }));
    }

    /** Deletes the record with the id; false when there was none. */
    public boolean deleteById(Object id, Class<?> type) {
        return translate(() -> collection(type, true).delete(converter.idString(id)));
    }

    /** Deletes every record of the class's collection, in one transaction. */
    public void deleteAll(Class<?> type) {
        translate(() -> store.callInTransaction(tx -> {
            DocumentCollection collection = collection(type, true);
            collection.ids().forEach(collection::delete);
            return null;
        }));
    }

    /** Runs work, translating FileStore's exceptions. */
    public <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translator.translate(e);
        }
    }

    private <T> T saveInTransaction(T entity) {
        FileStorePersistentEntity<?> persistent = entity(entity.getClass());
        DocumentCollection collection = collection(entity.getClass(), true);
        PersistentPropertyAccessor<T> accessor = persistent.getPropertyAccessor(entity);
        FileStorePersistentProperty idProperty = persistent.getRequiredIdProperty();
        Object idValue = accessor.getProperty(idProperty);
        if (idValue == null) {
            if (idProperty.getType() != String.class) {
                throw new InvalidDataAccessApiUsageException("Cannot save a " + persistent.getType().getSimpleName()
                        + " without an id: only String ids are generated; set " + idProperty.getName() + " first");
            }
            idValue = UUID.randomUUID().toString();
            accessor.setProperty(idProperty, idValue);
        }
        String id = converter.idString(idValue);
        Optional<ObjectNode> stored = collection.get(id);
        FileStorePersistentProperty version = persistent.getVersionProperty();
        if (version != null) {
            checkAndIncrement(persistent, accessor, version, id, stored);
        }
        T saved = accessor.getBean();
        AuditingHandler handler = auditing;
        if (handler != null) {
            saved = stored.isPresent() ? handler.markModified(saved) : handler.markCreated(saved);
        }
        ObjectNode document = converter.toDocument(saved, persistent.documentType());
        document.put(idProperty.fieldName(), id);
        stored.ifPresent(previous -> keepCreationAudit(persistent, document, previous));
        collection.put(id, document);
        return saved;
    }

    private <T> void checkAndIncrement(FileStorePersistentEntity<?> persistent, PersistentPropertyAccessor<T> accessor,
                                       FileStorePersistentProperty version, String id, Optional<ObjectNode> stored) {
        Object given = accessor.getProperty(version);
        if (stored.isPresent() ? !sameVersion(stored.get().get(version.fieldName()), given) : given != null && !isZero(given)) {
            throw new OptimisticLockingFailureException("Cannot save " + persistent.collection() + "/'" + id
                    + "' with version " + given + ": the stored record "
                    + (stored.isPresent() ? "has version " + stored.get().get(version.fieldName()) : "no longer exists")
                    + "; load it again and reapply the change");
        }
        long next = given == null ? 0 : ((Number) given).longValue() + 1;
        accessor.setProperty(version, converter.getConversionService().convert(next, version.getType()));
    }

    private static boolean sameVersion(JsonNode stored, Object given) {
        if (stored == null || stored.isNull()) {
            return given == null;
        }
        return given instanceof Number number && stored.isNumber() && stored.longValue() == number.longValue();
    }

    private static boolean isZero(Object value) {
        return value instanceof Number number && number.longValue() == 0;
    }

    /** A client that sends an entity without its creation audit keeps the stored one. */
    private static void keepCreationAudit(FileStorePersistentEntity<?> persistent, ObjectNode document, ObjectNode previous) {
        for (FileStorePersistentProperty property : persistent) {
            if (property.isAnnotationPresent(CreatedDate.class) || property.isAnnotationPresent(CreatedBy.class)) {
                JsonNode now = document.get(property.fieldName());
                JsonNode before = previous.get(property.fieldName());
                if ((now == null || now.isNull()) && before != null) {
                    document.set(property.fieldName(), before);
                }
            }
        }
    }

    private <T> Optional<T> load(String id, Class<T> type, boolean resolve) {
        return collection(type, true).get(id).map(document -> toEntity(document, id, type, resolve));
    }

    private <T> T toEntity(ObjectNode document, String id, Class<T> type, boolean resolve) {
        T entity = converter.read(type, document, id);
        return resolve ? resolveReferences(entity, document, id) : entity;
    }

    /** Fills reference properties from the document's ids and the relationships; one level deep. */
    private <T> T resolveReferences(T entity, ObjectNode document, String id) {
        FileStorePersistentEntity<?> persistent = entity(entity.getClass());
        PersistentPropertyAccessor<T> accessor = persistent.getPropertyAccessor(entity);
        for (FileStorePersistentProperty property : persistent) {
            if (property.holdsEntities()) {
                List<?> referenced = loadAll(referenceIds(document, property.fieldName()),
                        property.referencedType());
                accessor.setProperty(property, property.isCollectionLike() ? collectionOf(property, referenced)
                        : referenced.isEmpty() ? null : referenced.get(0));
            } else if (property.isOneToMany()) {
                Class<?> type = property.getActualType();
                String mappedBy = property.findAnnotation(io.filestore.annotation.OneToMany.class).mappedBy();
                List<String> ids = relationships.oneToMany(collection(type), mappedBy).localIds(id);
                accessor.setProperty(property, collectionOf(property, loadAll(ids, type)));
            } else if (property.isInverseManyToMany()) {
                Class<?> type = property.referencedType();
                String mappedBy = property.findAnnotation(io.filestore.annotation.ManyToMany.class).mappedBy();
                List<String> ids = relationships.idArray(collection(type), mappedBy).localIds(id);
                accessor.setProperty(property, collectionOf(property, property.isIdValued() ? sorted(ids) : loadAll(ids, type)));
            }
        }
        return accessor.getBean();
    }

    private List<Object> loadAll(List<String> ids, Class<?> type) {
        List<Object> loaded = new ArrayList<>(ids.size());
        for (String referencedId : sorted(ids)) {
            load(referencedId, type, false).ifPresent(loaded::add);
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

    /** The id of an entity as the store's string id, or {@code null} when it has none. */
    public String idOf(Object entity) {
        Object id = entity(entity.getClass()).getIdentifierAccessor(entity).getIdentifier();
        return id == null ? null : converter.idString(id);
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

    private DocumentCollection collection(Class<?> type, boolean defineRelationships) {
        FileStorePersistentEntity<?> persistent = entity(type);
        if (defineRelationships) {
            relationships.define(List.of(type));
        }
        return store.collection(persistent.collection());
    }

    private FileStorePersistentEntity<?> entity(Class<?> type) {
        return context.getRequiredPersistentEntity(type);
    }
}
