/**
 * The only layer that touches {@code java.nio.file}: a small I/O seam that tests replace with
 * fault-injecting implementations.
 */
package io.filestore.io;
