/** Auditing ({@code @CreatedDate}, {@code @LastModifiedBy}, ...) of FileStore entities. */
@NullMarked
package io.filestore.data.auditing;

import org.jspecify.annotations.NullMarked;
