package io.filestore.data.mapping.event;

import org.springframework.context.ApplicationListener;
import org.springframework.core.GenericTypeResolver;

/**
 * A listener to the lifecycle events of one entity type (and its subtypes), with one method per
 * event, each doing nothing by default:
 *
 * <pre>{@code
 * @Component
 * class UserValidation extends AbstractFileStoreEventListener<User> {
 *     @Override
 *     public void onBeforeSave(BeforeSaveEvent<User> event) {
 *         if (event.getSource().email == null) {
 *             throw new IllegalArgumentException("A user needs an email");   // nothing is stored
 *         }
 *     }
 * }
 * }</pre>
 *
 * The entity type is the class's type argument ({@code Object}, so every event, when it has none).
 * Load and delete events are matched by their {@code getType()} (a delete event without a type reaches
 * no typed listener); the others by the class of their entity.
 *
 * @param <E> the entity type
 */
public abstract class AbstractFileStoreEventListener<E> implements ApplicationListener<FileStoreMappingEvent<?>> {

    private final Class<?> domainType;

    protected AbstractFileStoreEventListener() {
        Class<?> argument = GenericTypeResolver.resolveTypeArgument(getClass(), AbstractFileStoreEventListener.class);
        this.domainType = argument == null ? Object.class : argument;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onApplicationEvent(FileStoreMappingEvent<?> event) {
        if (event instanceof AfterLoadEvent<?> load) {
            if (domainType.isAssignableFrom(load.getType())) {
                onAfterLoad((AfterLoadEvent<E>) load);
            }
            return;
        }
        if (event instanceof AbstractDeleteEvent<?> delete) {
            if (delete.getType() != null && domainType.isAssignableFrom(delete.getType())) {
                if (delete instanceof BeforeDeleteEvent before) {
                    onBeforeDelete(before);
                } else if (delete instanceof AfterDeleteEvent after) {
                    onAfterDelete(after);
                }
            }
            return;
        }
        Object source = event.getSource();
        if (source != null && !domainType.isAssignableFrom(source.getClass())) {
            return;
        }
        if (event instanceof BeforeConvertEvent beforeConvert) {
            onBeforeConvert(beforeConvert);
        } else if (event instanceof BeforeSaveEvent beforeSave) {
            onBeforeSave(beforeSave);
        } else if (event instanceof AfterSaveEvent afterSave) {
            onAfterSave(afterSave);
        } else if (event instanceof AfterConvertEvent afterConvert) {
            onAfterConvert(afterConvert);
        }
    }

    /** Before an entity is converted for saving; the entity may still be changed. */
    public void onBeforeConvert(BeforeConvertEvent<E> event) {
    }

    /** Before a converted entity's document is written; changes go to the document. */
    public void onBeforeSave(BeforeSaveEvent<E> event) {
    }

    /** After an entity was saved. */
    public void onAfterSave(AfterSaveEvent<E> event) {
    }

    /** After a document was read, before it is converted. */
    public void onAfterLoad(AfterLoadEvent<E> event) {
    }

    /** After a document was converted to an entity. */
    public void onAfterConvert(AfterConvertEvent<E> event) {
    }

    /** Before a delete. */
    public void onBeforeDelete(BeforeDeleteEvent<E> event) {
    }

    /** After a delete. */
    public void onAfterDelete(AfterDeleteEvent<E> event) {
    }
}
