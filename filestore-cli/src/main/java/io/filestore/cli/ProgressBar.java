package io.filestore.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place, for long operations; silent when stderr is not a
 * terminal (a pipe, a file, a test), so that logs stay clean.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final PrintWriter err;
    private final boolean shown;
    private int lastPercent = -1;

    ProgressBar(String label, PrintWriter err) {
        this(label, err, System.console() != null);
    }

    ProgressBar(String label, PrintWriter err, boolean shown) {
        this.label = label;
        this.err = err;
        this.shown = shown;
    }

    /** Redraws the bar when the percentage changed. */
    void update(long done, long total) {
        if (!shown || total <= 0) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + percent + "% ("
                + done + "/" + total + ")");
        err.flush();
    }

    /** Ends the bar's line. */
    void finish() {
        if (shown && lastPercent >= 0) {
            err.println();
            err.flush();
        }
    }
}
