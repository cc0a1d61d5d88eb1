/** Conversion between entities and their stored JSON documents, driven by Spring Data's mapping metadata. */
@NullMarked
package io.filestore.data.convert;

import org.jspecify.annotations.NullMarked;
