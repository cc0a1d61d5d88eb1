package io.filestore.data.mapping.event;

import org.springframework.context.ApplicationEvent;

import tools.jackson.databind.node.ObjectNode;

/**
 * An event of an entity's life in a FileStore collection, published by the
 * {@link io.filestore.data.core.FileStoreTemplate} through the application context (synchronously, on
 * the calling thread). Listen to one kind with {@code @EventListener}, an {@code ApplicationListener}
 * of that event type, or an {@link AbstractFileStoreEventListener}.
 *
 * @param <T> the type of the source: the entity, or the document for load and delete events
 */
public class FileStoreMappingEvent<T> extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient ObjectNode document;
    private final String collectionName;

    /**
     * @param source         the entity or document the event is about
     * @param document       the entity's document; {@code null} before conversion
     * @param collectionName the collection; {@code null} when unknown
     */
    public FileStoreMappingEvent(T source, ObjectNode document, String collectionName) {
        super(source);
        this.document = document;
        this.collectionName = collectionName;
    }

    /** The document the entity is stored as (changes to it are stored, in before-save events); may be {@code null}. */
    public ObjectNode getDocument() {
        return document;
    }

    /** The name of the collection the event is about; may be {@code null}. */
    public String getCollectionName() {
        return collectionName;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getSource() {
        return (T) super.getSource();
    }
}
