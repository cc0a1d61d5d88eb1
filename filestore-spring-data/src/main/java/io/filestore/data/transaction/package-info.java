/** Spring's transaction management over FileStore transactions. */
package io.filestore.data.transaction;
