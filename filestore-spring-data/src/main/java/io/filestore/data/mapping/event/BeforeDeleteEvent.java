package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/** Published before a delete; a listener that throws aborts it, with nothing deleted. */
public class BeforeDeleteEvent<T> extends AbstractDeleteEvent<T> {

    private static final long serialVersionUID = 1L;

    public BeforeDeleteEvent(ObjectNode document, Class<T> type, String collectionName) {
        super(document, type, collectionName);
    }

    public BeforeDeleteEvent(ObjectNode document, Class<T> type, String collectionName, Object id) {
        super(document, type, collectionName, id);
    }
}
