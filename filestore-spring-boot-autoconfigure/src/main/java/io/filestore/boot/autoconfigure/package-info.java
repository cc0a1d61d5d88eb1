/** Spring Boot auto-configuration of a {@link io.filestore.FileStore} bean from {@code filestore.*} properties. */
package io.filestore.boot.autoconfigure;
