/** The Spring Data mapping model of FileStore entities: collections, ids, versions, indexes and references. */
package io.filestore.data.mapping;
