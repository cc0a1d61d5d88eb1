/** Entities that the entity scan tests find through {@code @EntityScan}, or load through a restart class loader. */
package io.filestore.boot.autoconfigure.data.scan;
