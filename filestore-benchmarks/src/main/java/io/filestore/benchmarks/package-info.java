/** JMH benchmarks of FileStore beside the raw I/O limits of the machine. */
package io.filestore.benchmarks;
