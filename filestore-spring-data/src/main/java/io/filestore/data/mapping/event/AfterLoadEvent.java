package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Published when a stored document was read, before it is converted to an entity of the type. The
 * document is a copy: a listener may change it (to migrate an old shape, say) and the entity is read
 * from the changed document; the stored record is not touched.
 */
public class AfterLoadEvent<T> extends FileStoreMappingEvent<ObjectNode> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    /** @param type the entity type the document is read as; not {@code null} */
    public AfterLoadEvent(ObjectNode document, Class<T> type, String collectionName) {
        super(document, document, collectionName);
        if (type == null) {
            throw new IllegalArgumentException("The type of an AfterLoadEvent must not be null");
        }
        this.type = type;
    }

    /** The entity type the document is read as. */
    public Class<T> getType() {
        return type;
    }
}
