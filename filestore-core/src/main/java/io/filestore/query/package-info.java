/** Fluent queries over a collection, with joins through relationships, an index-using planner and live results. */
package io.filestore.query;
