/** Enabling FileStore repositories: the annotation, its registrar and the Spring Data configuration extension. */
@NullMarked
package io.filestore.data.repository.config;

import org.jspecify.annotations.NullMarked;
