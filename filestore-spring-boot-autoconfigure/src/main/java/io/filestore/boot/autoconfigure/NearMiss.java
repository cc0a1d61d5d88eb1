package io.filestore.boot.autoconfigure;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Names one or two letters apart: the typos a startup report or warning points out. */
final class NearMiss {

    /** The most letters added, removed or replaced for a name to count as a typo of another. */
    static final int MAX_DISTANCE = 2;

    private NearMiss() {
    }

    /** The candidate closest to the word, if one is a near miss of it (not the word itself). */
    static Optional<String> closest(String word, Collection<String> candidates) {
        return candidates.stream()
                .filter(candidate -> isNearMiss(word, candidate))
                .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
    }

    /** Whether the two differ, by at most {@link #MAX_DISTANCE} letters. */
    static boolean isNearMiss(String a, String b) {
        int distance = distance(a, b);
        return distance > 0 && distance <= MAX_DISTANCE;
    }

    /** The Levenshtein distance: letters added, removed or replaced to turn one into the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
