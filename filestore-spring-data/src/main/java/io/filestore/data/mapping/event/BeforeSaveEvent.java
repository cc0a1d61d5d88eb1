package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Published after an entity was converted, just before its document is written, inside the save's
 * transaction. What is stored is the document, so a listener changes the document, not the entity. A
 * listener that throws (a validator, say) aborts the save, with nothing stored.
 */
public class BeforeSaveEvent<E> extends FileStoreMappingEvent<E> {

    private static final long serialVersionUID = 1L;

    public BeforeSaveEvent(E source, ObjectNode document, String collectionName) {
        super(source, document, collectionName);
    }
}
