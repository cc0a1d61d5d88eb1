/** Spring's transaction management over FileStore transactions. */
@NullMarked
package io.filestore.data.transaction;

import org.jspecify.annotations.NullMarked;
