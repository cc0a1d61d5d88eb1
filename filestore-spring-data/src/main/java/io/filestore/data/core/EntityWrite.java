package io.filestore.data.core;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;

import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a save wrote: the entity as the before-save steps left it, its document, and the id generated
 * for it ({@code null} when it had one). The generated id is set on the entity only once the write is
 * done, so that a save that fails leaves the caller's entity without one (and still new).
 */
record EntityWrite<T>(T entity, ObjectNode document, Object generatedId) {

    /** A client that sends an entity without its creation audit keeps the stored one. */
    static void keepCreationAudit(FileStorePersistentEntity<?> persistent, ObjectNode document, ObjectNode previous) {
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
}
