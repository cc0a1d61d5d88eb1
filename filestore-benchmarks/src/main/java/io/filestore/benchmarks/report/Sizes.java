package io.filestore.benchmarks.report;

import tools.jackson.databind.JsonNode;

/**
 * The data-set sizes of one run of the suite, which the report names and matches results by.
 *
 * @param records          records in the stores of the read, paging and update benchmarks (a page
 *                         "from half-way" starts at {@code records / 2})
 * @param openSmall        records of the smaller open (100k in the full profile)
 * @param openLarge        records of the larger open (1M in the full profile)
 * @param flush            dirty records of the flush benchmark
 * @param footprintDisk    records written for disk bytes per record
 * @param footprintHeap    records held for heap bytes per record
 * @param lookupLarge      records of the large get by id with fresh keys, beside its floor (1M in full)
 * @param sustainedSeconds how long the sustained durable inserts run before the close (60 in full)
 */
public record Sizes(int records, int openSmall, int openLarge, int flush, int footprintDisk, int footprintHeap,
                    int lookupLarge, int sustainedSeconds) {

    /** The sizes {@code run.json} recorded; a run written before a size existed gets the full profile's. */
    static Sizes of(JsonNode sizes) {
        Sizes full = Profile.FULL.sizes();
        return new Sizes(sizes.get("records").asInt(), sizes.get("openSmall").asInt(), sizes.get("openLarge").asInt(),
                sizes.get("flush").asInt(), sizes.get("footprintDisk").asInt(), sizes.get("footprintHeap").asInt(),
                sizes.path("lookupLarge").asInt(full.lookupLarge()),
                sizes.path("sustainedSeconds").asInt(full.sustainedSeconds()));
    }
}
