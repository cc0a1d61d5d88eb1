/**
 * JSON encoding of records through Jackson: compact bytes in memory, pretty files on disk, merge patches,
 * and the limits that make every record read back exactly. Internal: not for use outside FileStore.
 */
@NullMarked
package io.filestore.internal.json;

import org.jspecify.annotations.NullMarked;
