package io.filestore.data.core;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mapping.callback.EntityCallback;
import org.springframework.data.mapping.callback.EntityCallbacks;

import io.filestore.data.mapping.event.AfterConvertCallback;
import io.filestore.data.mapping.event.AfterConvertEvent;
import io.filestore.data.mapping.event.AfterDeleteEvent;
import io.filestore.data.mapping.event.AfterLoadEvent;
import io.filestore.data.mapping.event.AfterSaveCallback;
import io.filestore.data.mapping.event.AfterSaveEvent;
import io.filestore.data.mapping.event.BeforeConvertCallback;
import io.filestore.data.mapping.event.BeforeConvertEvent;
import io.filestore.data.mapping.event.BeforeDeleteEvent;
import io.filestore.data.mapping.event.BeforeSaveCallback;
import io.filestore.data.mapping.event.BeforeSaveEvent;
import io.filestore.data.mapping.event.FileStoreMappingEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * The template's side of an entity's lifecycle: publishes the events (when there is a publisher and
 * they are enabled) and runs the entity callbacks (when there are some), each step returning the
 * entity the next one works on.
 */
final class EntityLifecycle {

    private volatile ApplicationEventPublisher publisher;
    private volatile EntityCallbacks callbacks;
    private volatile boolean eventsEnabled = true;

    void setPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    EntityCallbacks callbacks() {
        return callbacks;
    }

    void setCallbacks(EntityCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    void setEventsEnabled(boolean enabled) {
        this.eventsEnabled = enabled;
    }

    <T> T beforeConvert(T entity, String collection) {
        T source = publish(new BeforeConvertEvent<>(entity, collection)).getSource();
        return callback(BeforeConvertCallback.class, source, collection);
    }

    <T> T beforeSave(T entity, ObjectNode document, String collection) {
        publish(new BeforeSaveEvent<>(entity, document, collection));
        return callback(BeforeSaveCallback.class, entity, document, collection);
    }

    <T> T afterSave(T entity, ObjectNode document, String collection) {
        publish(new AfterSaveEvent<>(entity, document, collection));
        return callback(AfterSaveCallback.class, entity, document, collection);
    }

    void afterLoad(ObjectNode document, Class<?> type, String collection) {
        publish(new AfterLoadEvent<>(document, type, collection));
    }

    <T> T afterConvert(T entity, ObjectNode document, String collection) {
        publish(new AfterConvertEvent<>(document, entity, collection));
        return callback(AfterConvertCallback.class, entity, document, collection);
    }

    void beforeDelete(ObjectNode query, Class<?> type, String collection, Object id) {
        publish(new BeforeDeleteEvent<>(query, type, collection, id));
    }

    void afterDelete(ObjectNode query, Class<?> type, String collection, Object id) {
        publish(new AfterDeleteEvent<>(query, type, collection, id));
    }

    private <E extends FileStoreMappingEvent<?>> E publish(E event) {
        ApplicationEventPublisher target = publisher;
        if (target != null && eventsEnabled) {
            target.publishEvent(event);
        }
        return event;
    }

    @SuppressWarnings("rawtypes")
    private <T> T callback(Class<? extends EntityCallback> type, T entity,
                           Object... arguments) {
        EntityCallbacks target = callbacks;
        return target == null ? entity : target.callback(type, entity, arguments);
    }
}
