package io.filestore.data.mapping.event;

import org.springframework.data.mapping.callback.EntityCallback;

/**
 * Runs before an entity is converted to its document for saving (after the {@link BeforeConvertEvent});
 * returns the entity to save, the same instance or a changed copy (as immutable entities need).
 * Auditing is one ({@link AuditingEntityCallback}).
 *
 * @see org.springframework.data.mapping.callback.EntityCallbacks
 */
@FunctionalInterface
public interface BeforeConvertCallback<T> extends EntityCallback<T> {

    /**
     * @param entity     the entity to save
     * @param collection the collection it is saved to
     * @return the entity to save
     */
    T onBeforeConvert(T entity, String collection);
}
