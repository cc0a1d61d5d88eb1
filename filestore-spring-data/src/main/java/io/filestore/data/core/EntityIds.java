package io.filestore.data.core;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.mapping.MappingException;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;

/**
 * Ids for entities saved without one. A {@code String} or {@code UUID} id gets a random UUID. A
 * {@code Long}/{@code long} or {@code Integer}/{@code int} id gets the next value of its collection's
 * sequence: the global value {@value #SEQUENCE_PREFIX}{@code <collection>} holds the last value handed
 * out and is advanced in the save's transaction, so it is exactly as durable as the record (logged
 * when the collection is logged) and a value is never handed out twice, even after deletes, restarts
 * or crashes. An id set by the caller that is above the sequence moves the sequence up to it, and a
 * value some record already holds (written around the template) is skipped.
 *
 * <p>An id of any other type must be set before saving, and its type must be readable back from the
 * record id (the conversion service converts a {@code String} to it): repositories refuse other id
 * types when they are created.
 */
final class EntityIds {

    /** The prefix of the global values holding the collections' sequences. */
    static final String SEQUENCE_PREFIX = "_sequence.";

    private static final Set<Class<?>> SEQUENCED = Set.of(Long.class, long.class, Integer.class, int.class);

    private final FileStore store;

    EntityIds(FileStore store) {
        this.store = store;
    }

    /** Whether ids of the type are generated when missing. */
    static boolean isGenerated(Class<?> type) {
        return type == String.class || type == UUID.class || SEQUENCED.contains(type);
    }

    /** Whether the id value counts as not set: {@code null}, or zero in a primitive id (Spring Data's rule for new entities). */
    static boolean isMissing(FileStorePersistentProperty idProperty, @Nullable Object id) {
        return id == null || idProperty.getType().isPrimitive() && ((Number) id).longValue() == 0;
    }

    /**
     * Refuses an id type that could be neither generated nor read back from a record id.
     *
     * @throws MappingException naming the entity, the property and the types that work
     */
    static void checkIdType(FileStorePersistentEntity<?> entity, ConversionService conversions) {
        FileStorePersistentProperty id = entity.getIdProperty();
        if (id == null || isGenerated(id.getType()) || id.getType() == Object.class
                || conversions.canConvert(String.class, id.getType())) {
            return;
        }
        throw new MappingException("Cannot use " + entity.getType().getName() + " in a FileStore repository: its id property '"
                + id.getName() + "' is a " + id.getType().getName() + ", which FileStore can neither generate nor read back"
                + " from a record id; use String, UUID, Long or Integer (generated when null on save), or register a"
                + " converter from String to " + id.getType().getSimpleName());
    }

    /**
     * A new id for an entity of the collection, as a value of the id property's type; a sequenced one
     * advances the collection's sequence in the current transaction (call it inside one).
     *
     * @throws InvalidDataAccessApiUsageException when ids of the property's type are not generated
     */
    Object next(FileStorePersistentEntity<?> entity, DocumentCollection collection) {
        Class<?> type = entity.getRequiredIdProperty().getType();
        if (type == String.class) {
            return UUID.randomUUID().toString();
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (SEQUENCED.contains(type)) {
            long next = nextInSequence(entity, collection);
            return type == Long.class || type == long.class ? (Object) next : (Object) (int) next;
        }
        throw new InvalidDataAccessApiUsageException("Cannot save a " + entity.getType().getSimpleName() + " without an id: "
                + "ids of type " + type.getSimpleName() + " are not generated (String, UUID, Long and Integer ids are); set "
                + entity.getRequiredIdProperty().getName() + " first");
    }

    /** Moves the collection's sequence up to an id the caller set, so that it is never generated later. */
    void observe(FileStorePersistentEntity<?> entity, Object id) {
        if (SEQUENCED.contains(entity.getRequiredIdProperty().getType()) && id instanceof Number number) {
            String key = SEQUENCE_PREFIX + entity.collection();
            if (number.longValue() > last(key, entity.collection())) {
                store.setValue(key, number.longValue());
            }
        }
    }

    private long nextInSequence(FileStorePersistentEntity<?> entity, DocumentCollection collection) {
        String key = SEQUENCE_PREFIX + entity.collection();
        long max = entity.getRequiredIdProperty().getType() == Long.class
                || entity.getRequiredIdProperty().getType() == long.class ? Long.MAX_VALUE : Integer.MAX_VALUE;
        long candidate = last(key, entity.collection());
        do {
            if (candidate >= max) {
                throw new DataIntegrityViolationException("Cannot generate an id for " + entity.collection()
                        + ": its sequence (global value '" + key + "') reached " + candidate + ", the largest "
                        + entity.getRequiredIdProperty().getType().getSimpleName() + (max == Integer.MAX_VALUE ? "; use a Long id" : ""));
            }
            candidate++;
        } while (collection.exists(Long.toString(candidate)));
        store.setValue(key, candidate);
        return candidate;
    }

    private long last(String key, String collection) {
        JsonNode value = store.getValue(key).orElse(null);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new DataIntegrityViolationException("Cannot generate an id for " + collection + ": the global value '"
                    + key + "' should hold the last id generated, a whole number from 0, but holds " + value);
        }
        return value.longValue();
    }
}
