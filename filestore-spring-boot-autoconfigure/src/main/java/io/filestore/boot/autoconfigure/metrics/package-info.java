/** Micrometer meters of the auto-configured FileStore, under {@code filestore.}. */
@NullMarked
package io.filestore.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
