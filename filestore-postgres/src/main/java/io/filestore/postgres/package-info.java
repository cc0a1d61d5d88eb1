/**
 * FileStore's shared mode on PostgreSQL: {@link io.filestore.postgres.PostgresSharedStorage}, given to
 * {@code FileStoreOptions.Builder.shared}. No Spring.
 */
@NullMarked
package io.filestore.postgres;

import org.jspecify.annotations.NullMarked;
