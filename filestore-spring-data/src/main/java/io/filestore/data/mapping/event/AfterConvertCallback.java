package io.filestore.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

import tools.jackson.databind.node.ObjectNode;

/** Runs after a document was read into an entity (after the {@link AfterConvertEvent}); returns the entity the read returns. */
@FunctionalInterface
public interface AfterConvertCallback<T> extends EntityCallback<T> {

    /**
     * @param entity     the entity read
     * @param document   the document it was read from
     * @param collection the collection
     * @return the entity the read returns
     */
    T onAfterConvert(T entity, ObjectNode document, String collection);
}
