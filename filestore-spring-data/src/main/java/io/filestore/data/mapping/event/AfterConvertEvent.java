package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Published after a document was read into an entity (references resolved), before the
 * {@link AfterConvertCallback}s run.
 */
public class AfterConvertEvent<E> extends FileStoreMappingEvent<E> {

    private static final long serialVersionUID = 1L;

    public AfterConvertEvent(ObjectNode document, E source, String collectionName) {
        super(source, document, collectionName);
    }
}
