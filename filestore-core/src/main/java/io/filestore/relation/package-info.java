/** Relationships between records of collections (1:N, M:N, linked lists), read through indexes and enforced at commit. */
@NullMarked
package io.filestore.relation;

import org.jspecify.annotations.NullMarked;
