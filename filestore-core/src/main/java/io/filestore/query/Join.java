package io.filestore.query;

import java.util.Collection;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.filestore.RecordChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Attaches the records a relationship relates to a query's rows, under an alias. */
interface Join {

    /** The name the joined records go under in a row. */
    String alias();

    /** The collection the joined records come from. */
    String collection();

    /** The joined value for a base record: an object, an array of objects, or {@code null} for none. */
    @Nullable JsonNode fetch(String baseId, ObjectNode base);

    /** The base ids whose joined value includes one of the joined records. */
    Set<String> baseIdsOf(Collection<String> joinedIds);

    /** Adds the base ids whose joined value a committed change may have altered. */
    void addAffected(RecordChange change, Set<String> baseIds);
}
