/** The Spring Data mapping model of FileStore entities: collections, ids, versions, indexes and references. */
@NullMarked
package io.filestore.data.mapping;

import org.jspecify.annotations.NullMarked;
