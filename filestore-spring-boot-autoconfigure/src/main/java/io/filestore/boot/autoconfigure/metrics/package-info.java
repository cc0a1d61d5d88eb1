/** Micrometer meters of the auto-configured FileStore, under {@code filestore.}. */
package io.filestore.boot.autoconfigure.metrics;
