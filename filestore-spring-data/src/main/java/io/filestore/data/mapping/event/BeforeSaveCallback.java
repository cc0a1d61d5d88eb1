package io.filestore.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

import tools.jackson.databind.node.ObjectNode;

/**
 * Runs after an entity was converted, just before its document is written (after the
 * {@link BeforeSaveEvent}). What is stored is the document: change the document, not the entity's
 * stored properties (for those, use a {@link BeforeConvertCallback}). Throwing aborts the save.
 */
@FunctionalInterface
public interface BeforeSaveCallback<T> extends EntityCallback<T> {

    /**
     * @param entity     the entity being saved
     * @param document   its document, about to be written
     * @param collection the collection
     * @return the entity the save goes on with
     */
    T onBeforeSave(T entity, ObjectNode document, String collection);
}
