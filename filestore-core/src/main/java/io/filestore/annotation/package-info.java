/** Annotations that map plain Java classes to collections, indexes and relationships; read by the Spring Data layer. */
package io.filestore.annotation;
