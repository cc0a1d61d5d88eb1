/** Conversion between entities and their stored JSON documents, driven by Spring Data's mapping metadata. */
package io.filestore.data.convert;
