/** Spring Boot auto-configuration of a {@link io.filestore.FileStore} bean from {@code filestore.*} properties. */
@NullMarked
package io.filestore.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
