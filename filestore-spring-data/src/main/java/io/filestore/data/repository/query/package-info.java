/** Derived queries: method names and examples turned into FileStore conditions. */
package io.filestore.data.repository.query;
