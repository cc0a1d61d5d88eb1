/** The {@code filestore} Actuator health component. */
@NullMarked
package io.filestore.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
