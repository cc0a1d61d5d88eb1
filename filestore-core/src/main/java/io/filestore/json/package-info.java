/** JSON encoding of records through Jackson: compact bytes in memory, pretty files on disk, merge patches. */
package io.filestore.json;
