package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each representation of a key's ids, and the moves between them that writes make. */
class PostingsTests {

    private static List<String> ids(Postings posting) {
        List<String> out = new ArrayList<>();
        posting.forEach(out::add);
        return out;
    }

    @Test
    void aSingleIdBecomesASetOnASecondIdAndNothingOnItsLast() {
        Postings one = new SingleId("b");

        assertThat(one.with("b")).isSameAs(one);
        assertThat(one.without("x")).isSameAs(one);
        assertThat(one.without("b")).isNull();
        Postings two = one.with("a");
        assertThat(two).isInstanceOf(IdSet.class);
        assertThat(two.sorted()).containsExactly("a", "b");
        assertThat(two.contains("a")).isTrue();
    }

    @Test
    void aSetChangesInPlaceAndBecomesASingleIdWhenOneIsLeft() {
        Postings set = new SingleId("c").with("a").with("b");

        assertThat(set.with("d")).isSameAs(set);
        assertThat(set.without("d")).isSameAs(set);
        assertThat(set.size()).isEqualTo(3);
        assertThat(set.smallest(2)).containsExactly("a", "b");
        assertThat(set.smallest(5)).containsExactly("a", "b", "c");
        assertThat(set.without("a")).isSameAs(set);
        Postings last = set.without("b");
        assertThat(last).isEqualTo(new SingleId("c"));
        assertThat(last.without("c")).isNull();
    }

    @Test
    void loadedIdsAreSortedDistinctAndNeverChangeUnderAReader() {
        LoadingIds loading = new LoadingIds("c", "a");
        loading.add("b");
        loading.add("a");
        Postings loaded = loading.finish();

        assertThat(loaded).isInstanceOf(SortedIds.class);
        assertThat(loaded.sorted()).containsExactly("a", "b", "c");
        assertThat(loaded.smallest(2)).containsExactly("a", "b");
        List<String> read = loaded.sorted();
        Postings written = loaded.with("d");
        assertThat(written).isInstanceOf(IdSet.class).isNotSameAs(loaded);
        assertThat(read).containsExactly("a", "b", "c");
        assertThat(ids(written)).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(loaded.with("a")).isSameAs(loaded);
        assertThat(loaded.without("x")).isSameAs(loaded);
        Postings removed = loaded.without("b");
        assertThat(removed).isInstanceOf(IdSet.class);
        assertThat(removed.sorted()).containsExactly("a", "c");
        assertThat(loaded.sorted()).containsExactly("a", "b", "c");
    }

    @Test
    void aLoadedKeyThatRepeatsOneIdIsASingleId() {
        LoadingIds loading = new LoadingIds("e", "e");

        assertThat(loading.finish()).isEqualTo(new SingleId("e"));
    }
}
