/** The {@code filestore} Actuator health component. */
package io.filestore.boot.autoconfigure.health;
