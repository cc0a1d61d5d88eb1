package io.filestore.data.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.callback.EntityCallbacks;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.InstantiationAwarePropertyAccessor;
import org.springframework.util.Assert;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.data.mapping.event.BeforeConvertCallback;
import io.filestore.query.Query;
import io.filestore.query.QueryResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores and loads entities: the one place repositories go through. Every method translates
 * FileStore's exceptions into Spring's {@code DataAccessException}s and joins the calling thread's
 * FileStore transaction (Spring's {@code @Transactional} opens one).
 *
 * <p>Saving: the {@code BeforeConvertEvent} and {@code BeforeConvertCallback}s (auditing among them)
 * see the entity first; then, in one transaction, a {@code @Version} property is checked against the
 * stored record (a mismatch is an {@link OptimisticLockingFailureException}) and incremented, a missing
 * id is generated (see {@link EntityIds}: a UUID for {@code String} and {@code UUID} ids, the
 * collection's durable sequence for {@code Long} and {@code Integer} ids), the entity is converted, the
 * {@code BeforeSaveEvent} and {@code BeforeSaveCallback}s see the document, and the document is
 * written; then the {@code AfterSaveEvent} and {@code AfterSaveCallback}s. An exception from any of the
 * "before" steps aborts the save with nothing stored. Reading: references are resolved eagerly, one
 * level deep (see {@link io.filestore.annotation.ManyToOne}); every document read publishes an
 * {@code AfterLoadEvent} and an {@code AfterConvertEvent} and runs the {@code AfterConvertCallback}s.
 * Deleting publishes a {@code BeforeDeleteEvent} and an {@code AfterDeleteEvent}. Events go to the
 * application context the template is a bean of (or {@link #setApplicationEventPublisher}); callbacks
 * are the context's {@code EntityCallback} beans (or {@link #setEntityCallbacks}).
 *
 * <p>Closing the application context never deletes data: this class has no clear-on-destroy.
 * Thread-safe.
 */
public class FileStoreTemplate implements ApplicationContextAware {

    private final FileStore store;
    private final FileStoreMappingContext context;
    private final MappingFileStoreConverter converter;
    private final EntityRelationships relationships;
    private final EntityIds ids;
    private final EntityReferences references;
    private final EntityLifecycle lifecycle = new EntityLifecycle();
    private final FileStoreExceptionTranslator translator = new FileStoreExceptionTranslator();
    private final EntityInstantiators instantiators = new EntityInstantiators();
    private final Map<Class<?>, FileStorePersistentEntity<?>> persistentEntities = new ConcurrentHashMap<>();
    private final Map<Class<?>, FileStorePersistentEntity<?>> definedEntities = new ConcurrentHashMap<>();

    /**
     * @param entities the entity classes whose references to define as relationships now; others are
     *                 added on first use
     */
    public FileStoreTemplate(FileStore store, MappingFileStoreConverter converter, Collection<Class<?>> entities) {
        this.store = store;
        this.context = converter.getMappingContext();
        this.converter = converter;
        this.relationships = new EntityRelationships(store, context);
        this.ids = new EntityIds(store);
        this.references = new EntityReferences(context, relationships);
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

    /**
     * Publishes events to the context and, unless {@link #setEntityCallbacks} gave some, runs its
     * {@code EntityCallback} beans. Called by Spring for a template bean.
     */
    @Override
    public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
        setApplicationEventPublisher(applicationContext);
        if (lifecycle.callbacks() == null) {
            setEntityCallbacks(EntityCallbacks.create(applicationContext));
        }
    }

    /** Where the lifecycle events go; {@code null} publishes none. */
    public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
        lifecycle.setPublisher(publisher);
    }

    /** The entity callbacks to run, replacing any set before; not {@code null}. */
    public void setEntityCallbacks(EntityCallbacks callbacks) {
        Assert.notNull(callbacks, "EntityCallbacks must not be null");
        lifecycle.setCallbacks(callbacks);
    }

    /** Whether lifecycle events are published (callbacks run either way); {@code true} by default. */
    public void setEntityLifecycleEventsEnabled(boolean enabled) {
        lifecycle.setEventsEnabled(enabled);
    }

    /**
     * Audits saves with the handler, for a template used without a Spring context (where
     * {@code @EnableFileStoreAuditing} registers an {@code AuditingEntityCallback} instead): adds a
     * {@link BeforeConvertCallback} that marks new entities (Spring Data's {@code isNew}) created and
     * others modified.
     */
    public void setAuditingHandler(AuditingHandler auditing) {
        Assert.notNull(auditing, "AuditingHandler must not be null");
        EntityCallbacks callbacks = lifecycle.callbacks();
        if (callbacks == null) {
            callbacks = EntityCallbacks.create();
            lifecycle.setCallbacks(callbacks);
        }
        callbacks.addEntityCallback((BeforeConvertCallback<Object>) (entity, collection) ->
                entity(entity.getClass()).isNew(entity) ? auditing.markCreated(entity) : auditing.markModified(entity));
    }

    /**
     * Refuses an entity class whose id FileStore could neither generate when missing nor read back from
     * a record id: ids of {@code String}, {@code UUID}, {@code Long} and {@code Integer} (and
     * {@code long}, {@code int}) are generated, ids of another type must be set before saving and be
     * convertible from {@code String}.
     *
     * @throws org.springframework.data.mapping.MappingException naming the class and its id property
     */
    public void checkIdType(Class<?> type) {
        EntityIds.checkIdType(entity(type), converter.getConversionService());
    }

    /** The collection of an entity class. */
    public String collection(Class<?> type) {
        return entity(type).collection();
    }

    /** Inserts or replaces the entity; returns it with its id, version and audit fields set. */
    public <T> T save(T entity) {
        Assert.notNull(entity, "Entity to save must not be null");
        return save(entity, entity.getClass());
    }

    /**
     * Inserts or replaces the entity in the collection of {@code domainType} (a repository's), as
     * MongoDB's repositories do: an entity of a subclass goes there too, carrying its type.
     */
    public <T> T save(T entity, Class<?> domainType) {
        Assert.notNull(entity, "Entity to save must not be null");
        return translate(() -> {
            String collection = collection(domainType);
            T converting = lifecycle.beforeConvert(entity, collection);
            EntityWrite<T> written = store.callInTransaction(tx -> write(converting, collection, domainType));
            T saved = withGeneratedId(written);
            return lifecycle.afterSave(saved, written.document(), collection);
        });
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
            FileStorePersistentEntity<?> persistent = defined(type);
            QueryResult result = query.run();
            List<T> entities = new ArrayList<>(result.size());
            for (int i = 0; i < result.size(); i++) {
                entities.add(toEntity(result.rows().get(i), result.ids().get(i), type, persistent, true));
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
        return translate(() -> {
            FileStorePersistentEntity<?> persistent = entity(entity.getClass());
            Object idValue = persistent.getIdentifierAccessor(entity).getIdentifier();
            if (idValue == null) {
                if (persistent.hasVersionProperty()) {
                    throw new OptimisticLockingFailureException("Cannot delete a " + persistent.getType().getSimpleName()
                            + " without an id from " + persistent.collection() + ": it was never stored");
                }
                return false;
            }
            String id = converter.idString(idValue);
            // checked before the write transaction too, so that a refusal inside an application's
            // transaction does not mark it rollback-only (the check inside keeps it atomic without one)
            EntityVersions.checkForDelete(persistent, entity, collection(entity.getClass(), true).get(id), id);
            return deleteWithEvents(persistent, id, idValue, () -> store.callInTransaction(tx -> {
                DocumentCollection collection = collection(entity.getClass(), true);
                EntityVersions.checkForDelete(persistent, entity, collection.get(id), id);
                return collection.delete(id);
            }));
        });
    }

    /** Deletes the record with the id; false when there was none. */
    public boolean deleteById(Object id, Class<?> type) {
        return translate(() -> {
            String storedId = converter.idString(id);
            return deleteWithEvents(entity(type), storedId, id, () -> collection(type, true).delete(storedId));
        });
    }

    /** Deletes every record of the class's collection, in one transaction; one pair of delete events without an id. */
    public void deleteAll(Class<?> type) {
        translate(() -> {
            String name = collection(type);
            ObjectNode everything = converter.jsonMapper().createObjectNode();
            lifecycle.beforeDelete(everything, type, name, null);
            store.callInTransaction(tx -> {
                DocumentCollection collection = collection(type, true);
                collection.ids().forEach(collection::delete);
                return null;
            });
            lifecycle.afterDelete(everything, type, name, null);
            return null;
        });
    }

    /** Runs work, translating FileStore's exceptions. */
    public <T extends @Nullable Object> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translator.translate(e);
        }
    }

    /** The checks, conversion and write of a save, inside its transaction. */
    private <T> EntityWrite<T> write(T entity, String collectionName, Class<?> domainType) {
        FileStorePersistentEntity<?> persistent = entity(entity.getClass());
        DocumentCollection collection = collection(domainType, true);
        FileStorePersistentProperty idProperty = persistent.getRequiredIdProperty();
        PersistentPropertyAccessor<T> accessor = accessor(entity);
        Object idValue = accessor.getProperty(idProperty);
        Object generated = null;
        if (EntityIds.isMissing(idProperty, idValue)) {
            generated = ids.next(entity(domainType), collection);
            idValue = generated;
        } else {
            ids.observe(entity(domainType), idValue);
        }
        String id = converter.idString(idValue);
        Optional<ObjectNode> stored = collection.get(id);
        if (persistent.hasVersionProperty()) {
            EntityVersions.checkAndIncrement(persistent, accessor, id, stored, converter.getConversionService());
        }
        T converting = accessor.getBean();
        Class<?> declared = domainType == entity.getClass() ? persistent.documentType() : domainType;
        ObjectNode document = converter.toDocument(converting, declared);
        document.put(idProperty.fieldName(), id);
        stored.ifPresent(previous -> EntityWrite.keepCreationAudit(persistent, document, previous));
        T saving = lifecycle.beforeSave(converting, document, collectionName);
        collection.put(id, document);
        return new EntityWrite<>(saving, document, generated);
    }

    /** The entity with its generated id, set only now so that a failed save leaves the caller's entity without one. */
    private <T> T withGeneratedId(EntityWrite<T> written) {
        if (written.generatedId() == null) {
            return written.entity();
        }
        PersistentPropertyAccessor<T> accessor = accessor(written.entity());
        accessor.setProperty(entity(written.entity().getClass()).getRequiredIdProperty(), written.generatedId());
        return accessor.getBean();
    }

    /** An accessor that sets immutable properties through their wither, or a new instance. */
    private <T> PersistentPropertyAccessor<T> accessor(T entity) {
        return new InstantiationAwarePropertyAccessor<>(entity, entity(entity.getClass())::getPropertyAccessor, instantiators);
    }

    /** Runs a delete between its events, whose query document holds the id. */
    private boolean deleteWithEvents(FileStorePersistentEntity<?> persistent, String id, Object idValue,
                                     Supplier<Boolean> delete) {
        ObjectNode query = converter.jsonMapper().createObjectNode();
        query.put(persistent.getRequiredIdProperty().fieldName(), id);
        lifecycle.beforeDelete(query, persistent.getType(), persistent.collection(), idValue);
        boolean deleted = delete.get();
        lifecycle.afterDelete(query, persistent.getType(), persistent.collection(), idValue);
        return deleted;
    }

    private <T> Optional<T> load(String id, Class<T> type, boolean resolve) {
        FileStorePersistentEntity<?> persistent = defined(type);
        return store.collection(persistent.collection()).get(id)
                .map(document -> toEntity(document, id, type, persistent, resolve));
    }

    /** Reads a document between its lifecycle events; referenced entities publish theirs in between, as they are read. */
    private <T> T toEntity(ObjectNode document, String id, Class<T> type, FileStorePersistentEntity<?> persistent,
                           boolean resolve) {
        String collection = persistent.collection();
        lifecycle.afterLoad(document, type, collection);
        T entity = converter.read(type, document, id);
        if (resolve && (entity.getClass() != type || persistent.readsReferences())) {
            entity = references.resolve(accessor(entity), document, id, (referencedId, referencedType) ->
                    load(referencedId, referencedType, false));
        }
        return lifecycle.afterConvert(entity, document, collection);
    }

    /** The id of an entity as the store's string id, or {@code null} when it has none. */
    public String idOf(Object entity) {
        Object id = entity(entity.getClass()).getIdentifierAccessor(entity).getIdentifier();
        return id == null ? null : converter.idString(id);
    }

    private DocumentCollection collection(Class<?> type, boolean defineRelationships) {
        FileStorePersistentEntity<?> persistent = defineRelationships ? defined(type) : entity(type);
        return store.collection(persistent.collection());
    }

    /** The class's entity, its relationships defined (once; a failed definition is tried again next time). */
    private FileStorePersistentEntity<?> defined(Class<?> type) {
        FileStorePersistentEntity<?> persistent = definedEntities.get(type);
        if (persistent == null) {
            persistent = entity(type);
            relationships.define(List.of(type));
            definedEntities.put(type, persistent);
        }
        return persistent;
    }

    private FileStorePersistentEntity<?> entity(Class<?> type) {
        return persistentEntities.computeIfAbsent(type, context::getRequiredPersistentEntity);
    }
}
