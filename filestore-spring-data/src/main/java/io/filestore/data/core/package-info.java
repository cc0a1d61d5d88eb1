/** Entities to documents and back, the template repositories work through, and exception translation. */
@NullMarked
package io.filestore.data.core;

import org.jspecify.annotations.NullMarked;
