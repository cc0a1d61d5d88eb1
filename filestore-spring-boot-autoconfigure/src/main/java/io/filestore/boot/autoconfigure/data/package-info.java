/** Auto-configuration of FileStore's Spring Data support: entities, template, transactions and repositories. */
@NullMarked
package io.filestore.boot.autoconfigure.data;

import org.jspecify.annotations.NullMarked;
