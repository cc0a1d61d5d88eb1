package io.filestore.data.mapping.event;

/**
 * Published before an entity is converted to its document for saving, before the
 * {@link BeforeConvertCallback}s run (auditing is one). A listener may still change the entity's
 * properties; one that throws aborts the save, with nothing stored.
 */
public class BeforeConvertEvent<E> extends FileStoreMappingEvent<E> {

    private static final long serialVersionUID = 1L;

    public BeforeConvertEvent(E source, String collectionName) {
        super(source, null, collectionName);
    }
}
