package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * Published after a delete, whether or not a record was there to delete: once its transaction
 * committed, or, inside an enclosing transaction, once the delete was made in it.
 */
public class AfterDeleteEvent<T> extends AbstractDeleteEvent<T> {

    private static final long serialVersionUID = 1L;

    public AfterDeleteEvent(ObjectNode document, Class<T> type, String collectionName) {
        super(document, type, collectionName);
    }

    public AfterDeleteEvent(ObjectNode document, Class<T> type, String collectionName, Object id) {
        super(document, type, collectionName, id);
    }
}
