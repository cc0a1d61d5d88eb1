/**
 * Lifecycle events ({@code BeforeConvertEvent}, {@code AfterSaveEvent}, ...) and entity callbacks
 * ({@code BeforeConvertCallback}, ...) of FileStore entities, as Spring Data MongoDB has them; auditing
 * runs as one of these callbacks.
 */
@NullMarked
package io.filestore.data.mapping.event;

import org.jspecify.annotations.NullMarked;
