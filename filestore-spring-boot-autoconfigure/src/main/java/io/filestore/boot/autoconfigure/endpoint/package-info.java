/** The {@code filestore} Actuator endpoint: the store's state, and flush and backup on request. */
@NullMarked
package io.filestore.boot.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
