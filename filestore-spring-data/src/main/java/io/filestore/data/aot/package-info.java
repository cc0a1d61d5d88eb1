/**
 * Ahead-of-time processing of FileStore's Spring Data support: the runtime hints of what the store, the
 * mapping and the repositories reach reflectively, and the entity classes captured at build time.
 */
@NullMarked
package io.filestore.data.aot;

import org.jspecify.annotations.NullMarked;
