/** Live aggregates over a collection, maintained incrementally from committed changes. */
package io.filestore.aggregate;
