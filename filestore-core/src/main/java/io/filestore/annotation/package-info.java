/** Annotations that map plain Java classes to collections, indexes and relationships; read by the Spring Data layer. */
@NullMarked
package io.filestore.annotation;

import org.jspecify.annotations.NullMarked;
