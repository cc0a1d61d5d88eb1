/** The peers FileStore is compared with, each behind one small adapter that runs the suite's workloads. */
package io.filestore.benchmarks.peer;
