package io.filestore.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordsTests {

    @Test
    void idsAreFixedWidthLikeTheFormatTheyReplace() {
        for (int i : new int[] {0, 7, 42, 999_999, 1_000_000, 9_999_999, 12_345_678}) {
            assertThat(Records.id(i)).isEqualTo(String.format("u%07d", i));
        }
    }
}
