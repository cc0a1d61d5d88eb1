package io.filestore.internal.wal;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether the log still holds every transaction it held, from what its files say about each
 * other, before replay applies anything:
 * <ul>
 *   <li>each segment's header names the last transaction logged before it, so the first segment left
 *       must follow a transaction the checkpoint covers, and each next one must follow the last
 *       transaction of the one before (a deleted segment, or one cut in the middle of the log, breaks
 *       the chain);</li>
 *   <li>the checkpoint names the newest segment file when it was written (it is rewritten whenever a
 *       segment is created), so at least that segment must be left (the newest segment deleted);</li>
 *   <li>the checkpoint names the last transaction known durable in the log, so the log must reach it
 *       (the log's end cut away);</li>
 *   <li>a segment is created whole ({@link SegmentFormat#CREATED_SIZE}) and never cut below that by the
 *       store, so a shorter one was cut (its records lost).</li>
 * </ul>
 * The store's own deletions keep all of this true: it drops only segments the checkpoint covers, and
 * creates a segment, then names it in the checkpoint, before dropping the ones before it. Segments of
 * format version 1 and checkpoints of the previous format tell less, and are checked for what they tell.
 * Stateless.
 */
final class LogContinuity {

    /**
     * What the scan of one segment file found.
     *
     * @param header       its header, or {@code null} when the file is shorter than one
     * @param size         the file's size
     * @param lastSequence the last record's sequence, 0 when it holds none
     */
    record Scan(Segment segment, SegmentFormat.Header header, long size, long lastSequence) {
    }

    private LogContinuity() {
    }

    /**
     * Lists what is missing from the log, one entry per gap, each naming the files and sequences.
     *
     * @param scans every segment file, in segment order
     */
    static List<String> losses(Checkpoint checkpoint, List<Scan> scans) {
        List<String> losses = new ArrayList<>();
        long covered = checkpoint.sequence();
        Long last = null; // the last transaction logged before the next segment, when known
        Scan previous = null;
        long lastRecord = 0;
        for (int i = 0; i < scans.size(); i++) {
            Scan scan = scans.get(i);
            String name = name(scan.segment().segmentSequence);
            if (scan.header() == null) {
                // the previous format created segments in place: a torn creation could leave its last one short
                if (!checkpoint.legacy() || i < scans.size() - 1) {
                    losses.add(name + " is cut to " + scan.size() + " bytes, shorter than its header: the transactions"
                            + " it held are lost");
                }
                last = null;
                previous = scan;
                continue;
            }
            if (scan.header().version() >= 2) {
                long follows = scan.header().previousSequence();
                if (scan.size() < SegmentFormat.CREATED_SIZE) {
                    losses.add(name + " is cut to " + scan.size() + " bytes (a segment is created with "
                            + SegmentFormat.CREATED_SIZE + "): the transactions after " + Math.max(follows, scan.lastSequence())
                            + " that it held are lost");
                }
                if (previous == null && follows > covered) {
                    long missing = scan.segment().segmentSequence - 1;
                    losses.add(transactions(covered + 1, follows) + " missing: they were in "
                            + name(missing) + (missing > 1 ? " or the segments before it" : "") + ", which the checkpoint"
                            + " (up to " + covered + ") does not cover and which is gone");
                } else if (previous != null && last != null && follows > last) {
                    losses.add(transactions(last + 1, follows) + " missing between "
                            + name(previous.segment().segmentSequence) + " and " + name
                            + ": a segment between them was deleted, or the first was cut");
                } else if (previous != null && last != null && follows < last) {
                    losses.add(name + " follows transaction " + follows + ", but "
                            + name(previous.segment().segmentSequence) + " goes on to " + last
                            + ": the segments do not belong together");
                }
                last = scan.lastSequence() > 0 ? scan.lastSequence() : follows;
            } else {
                last = scan.lastSequence() > 0 ? Long.valueOf(scan.lastSequence()) : null;
            }
            lastRecord = Math.max(lastRecord, scan.lastSequence());
            previous = scan;
        }
        long newest = scans.isEmpty() ? 0 : scans.get(scans.size() - 1).segment().segmentSequence;
        if (checkpoint.lastSegment() > newest) {
            losses.add(name(checkpoint.lastSegment()) + " is missing: the checkpoint says the log had reached it, and "
                    + (newest == 0 ? "no segment is left" : "the newest segment left is " + name(newest))
                    + "; the transactions logged in it after " + Math.max(covered, lastRecord) + " are lost");
        } else if (checkpoint.logEnd() > Math.max(covered, lastRecord)) {
            losses.add(transactions(Math.max(covered, lastRecord) + 1, checkpoint.logEnd())
                    + " missing: the checkpoint says they were durable in the log, which now ends at "
                    + lastRecord + (newest == 0 ? "" : " (" + name(newest) + " was cut)"));
        }
        return losses;
    }

    private static String transactions(long from, long to) {
        return from == to ? "transaction " + from + " is" : "transactions " + from + " to " + to + " are";
    }

    private static String name(long segmentSequence) {
        return Segment.fileName(segmentSequence);
    }
}
