package io.filestore.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.filestore.FileStoreOptions;
import tools.jackson.databind.JsonNode;

/**
 * Reads the file {@code io.filestore.benchmarks.Footprint} writes into {@link Measurement}s named
 * {@code Footprint.disk} (allocated bytes per record, or apparent where {@code du} was missing) and
 * {@code Footprint.heap}, with the store in the {@code store} parameter and, when the file says it, the
 * record count in {@code records} (the scaling run measures the heap at several counts).
 */
final class Footprints {

    private Footprints() {
    }

    static List<Measurement> read(Path json) {
        JsonNode footprint = FileStoreOptions.defaultJsonMapper().readTree(json.toFile());
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode disk : footprint.path("disk")) {
            JsonNode bytes = disk.has("allocatedBytesPerRecord") ? disk.get("allocatedBytesPerRecord")
                    : disk.get("apparentBytesPerRecord");
            measurements.add(bytes("Footprint.disk", disk, bytes.asDouble(), footprint.path("diskRecords")));
        }
        for (JsonNode heap : footprint.path("heap")) {
            measurements.add(bytes("Footprint.heap", heap, heap.get("bytesPerRecord").asDouble(),
                    footprint.path("heapRecords")));
        }
        return measurements;
    }

    private static Measurement bytes(String benchmark, JsonNode entry, double perRecord, JsonNode records) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("store", entry.get("store").asString());
        if (records.isNumber()) {
            params.put("records", records.asString());
        }
        return new Measurement(benchmark, params, perRecord, "B", false);
    }
}
