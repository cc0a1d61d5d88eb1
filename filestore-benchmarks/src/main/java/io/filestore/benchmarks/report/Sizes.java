package io.filestore.benchmarks.report;

/**
 * The data-set sizes of one run of the suite, which the report names and matches results by.
 *
 * @param records       records in the stores of the read and update benchmarks
 * @param openSmall     records of the smaller open (100k in the full profile)
 * @param openLarge     records of the larger open (1M in the full profile)
 * @param flush         dirty records of the flush benchmark
 * @param footprintDisk records written for disk bytes per record
 * @param footprintHeap records held for heap bytes per record
 */
public record Sizes(int records, int openSmall, int openLarge, int flush, int footprintDisk, int footprintHeap) {
}
