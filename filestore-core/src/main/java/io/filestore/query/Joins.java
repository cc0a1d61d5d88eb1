package io.filestore.query;

import java.util.List;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.relation.ManyToManyRelationship;
import io.filestore.relation.Relationship;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Chooses the join that fits a query's collection, and helpers the joins share. */
final class Joins {

    private Joins() {
    }

    /** A join through a one-to-many relationship, in the direction the query's collection sits on. */
    static Join of(String alias, Relationship relationship, String collection, FileStore store) {
        if (relationship.localCollection().equals(collection)) {
            return new ManyToOneJoin(alias, relationship, store);
        }
        if (relationship.remoteCollection().equals(collection)) {
            return new OneToManyJoin(alias, relationship, store);
        }
        throw new IllegalArgumentException("Cannot join " + relationship + " to a query on " + collection
                + ": it relates " + relationship.localCollection() + " and " + relationship.remoteCollection());
    }

    /** A join through a many-to-many relationship, from whichever side the query's collection is. */
    static Join of(String alias, ManyToManyRelationship relationship, String collection, FileStore store) {
        if (relationship.localCollection().equals(collection)) {
            return new ManyToManyJoin(alias, relationship, true, store);
        }
        if (relationship.remoteCollection().equals(collection)) {
            return new ManyToManyJoin(alias, relationship, false, store);
        }
        throw new IllegalArgumentException("Cannot join " + relationship + " to a query on " + collection);
    }

    /** The records of the ids that exist, as an array (in the order given). */
    static ArrayNode records(DocumentCollection collection, List<String> ids) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String id : ids) {
            collection.get(id).ifPresent(array::add);
        }
        return array;
    }
}
