/** Live aggregates over a collection, maintained incrementally from committed changes. */
@NullMarked
package io.filestore.aggregate;

import org.jspecify.annotations.NullMarked;
