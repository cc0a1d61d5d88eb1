/** Auditing ({@code @CreatedDate}, {@code @LastModifiedBy}, ...) of FileStore entities. */
package io.filestore.data.auditing;
