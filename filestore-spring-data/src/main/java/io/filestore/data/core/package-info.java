/** Entities to documents and back, the template repositories work through, and exception translation. */
package io.filestore.data.core;
