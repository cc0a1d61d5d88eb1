package io.filestore.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

import tools.jackson.databind.node.ObjectNode;

/** Runs after an entity was saved (after the {@link AfterSaveEvent}); returns what the save returns. */
@FunctionalInterface
public interface AfterSaveCallback<T> extends EntityCallback<T> {

    /**
     * @param entity     the saved entity, with its id and version
     * @param document   the document that was stored
     * @param collection the collection
     * @return the entity the save returns
     */
    T onAfterSave(T entity, ObjectNode document, String collection);
}
