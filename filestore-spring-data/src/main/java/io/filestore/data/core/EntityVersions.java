package io.filestore.data.core;

import java.util.Optional;

import org.springframework.core.convert.ConversionService;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;

import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Optimistic locking: a {@code @Version} property checked against the stored record and incremented on save. */
final class EntityVersions {

    private EntityVersions() {
    }

    /**
     * Checks the entity's version against the stored record's and sets the next one: 0 for a new
     * record whose version is {@code null}, the given one plus one otherwise.
     *
     * @throws OptimisticLockingFailureException when the versions differ, or the record is gone
     */
    static <T> void checkAndIncrement(FileStorePersistentEntity<?> persistent, PersistentPropertyAccessor<T> accessor,
                                      String id, Optional<ObjectNode> stored, ConversionService conversions) {
        FileStorePersistentProperty version = persistent.getRequiredVersionProperty();
        Object given = accessor.getProperty(version);
        if (stored.isPresent() ? !sameVersion(stored.get().get(version.fieldName()), given) : given != null && !isZero(given)) {
            throw new OptimisticLockingFailureException("Cannot save " + persistent.collection() + "/'" + id
                    + "' with version " + given + ": the stored record "
                    + (stored.isPresent() ? "has version " + stored.get().get(version.fieldName()) : "no longer exists")
                    + "; load it again and reapply the change");
        }
        long next = given == null ? 0 : ((Number) given).longValue() + 1;
        accessor.setProperty(version, conversions.convert(next, version.getType()));
    }

    /**
     * @throws OptimisticLockingFailureException when the entity is versioned and its version is not the
     *                                           stored record's, or there is no stored record
     */
    static void checkForDelete(FileStorePersistentEntity<?> persistent, Object entity, Optional<ObjectNode> stored, String id) {
        FileStorePersistentProperty version = persistent.getVersionProperty();
        if (version == null) {
            return;
        }
        if (stored.isEmpty()) {
            // as MongoDB does: a versioned entity that deletes nothing was deleted meanwhile, or never stored
            throw new OptimisticLockingFailureException("Cannot delete " + persistent.collection() + "/'" + id
                    + "': there is no such record; it was deleted meanwhile or never stored");
        }
        Object given = persistent.getPropertyAccessor(entity).getProperty(version);
        if (given != null && !sameVersion(stored.get().get(version.fieldName()), given)) {
            throw new OptimisticLockingFailureException("Cannot delete " + persistent.collection() + "/'" + id
                    + "': version " + given + " is stale, the stored version is " + stored.get().get(version.fieldName()));
        }
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
}
