package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Published after an entity was saved: once its transaction committed, or, when the save joined an
 * enclosing transaction, once the document was written in it. The entity has its id and version.
 */
public class AfterSaveEvent<E> extends FileStoreMappingEvent<E> {

    private static final long serialVersionUID = 1L;

    public AfterSaveEvent(E source, ObjectNode document, String collectionName) {
        super(source, document, collectionName);
    }
}
