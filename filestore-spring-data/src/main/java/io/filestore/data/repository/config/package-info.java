/** Enabling FileStore repositories: the annotation, its registrar and the Spring Data configuration extension. */
package io.filestore.data.repository.config;
