/** Fluent queries over a collection, with joins through relationships, an index-using planner and live results. */
@NullMarked
package io.filestore.query;

import org.jspecify.annotations.NullMarked;
