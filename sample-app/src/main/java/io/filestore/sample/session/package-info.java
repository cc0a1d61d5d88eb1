/** Sessions: memory-only records that expire after the collection TTL. */
package io.filestore.sample.session;
