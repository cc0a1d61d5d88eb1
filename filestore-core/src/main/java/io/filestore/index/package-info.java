/** Secondary indexes: a hash map for equality and a skip list for ranges and order, per indexed field. */
package io.filestore.index;
