package io.filestore.data.mapping.event;

import tools.jackson.databind.node.ObjectNode;

/**
 * An event of a delete. Its source and document is the delete's query: {@code {"<id field>": "<id>"}}
 * for one record, {@code {}} for all the records of a collection. It names the entity type and, for one
 * record, the id.
 */
public abstract class AbstractDeleteEvent<T> extends FileStoreMappingEvent<ObjectNode> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final transient Object id;

    /** A delete event without an id (as a delete of every record has). */
    protected AbstractDeleteEvent(ObjectNode document, Class<T> type, String collectionName) {
        this(document, type, collectionName, null);
    }

    /**
     * @param type the entity type; may be {@code null}
     * @param id   the id of the deleted entity, as the entity holds it; {@code null} for a delete of every record
     */
    protected AbstractDeleteEvent(ObjectNode document, Class<T> type, String collectionName, Object id) {
        super(document, document, collectionName);
        this.type = type;
        this.id = id;
    }

    /** The entity type whose record(s) are deleted; may be {@code null}. */
    public Class<T> getType() {
        return type;
    }

    /** The id of the deleted entity, as the entity holds it; {@code null} when every record is deleted. */
    public Object getId() {
        return id;
    }
}
