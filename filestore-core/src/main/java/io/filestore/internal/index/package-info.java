/**
 * Secondary indexes: a hash map for equality and a skip list for ranges and order, per indexed field.
 * Internal: not for use outside FileStore.
 */
@NullMarked
package io.filestore.internal.index;

import org.jspecify.annotations.NullMarked;
