/** Derived queries: method names and examples turned into FileStore conditions. */
@NullMarked
package io.filestore.data.repository.query;

import org.jspecify.annotations.NullMarked;
