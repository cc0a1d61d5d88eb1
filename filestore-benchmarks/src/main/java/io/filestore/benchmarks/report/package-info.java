/** The side-by-side suite: runs FileStore, its peers and the raw-I/O limits through JMH and writes the report. */
package io.filestore.benchmarks.report;
