package io.filestore;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link StoreFolder#check(Path)} found in a data folder.
 *
 * @param dataDir  the folder checked
 * @param problems damage, one line each naming the file: what the store's open would refuse (a damaged
 *                 checkpoint or log, transactions missing from the log, a folder holding an incomplete
 *                 backup) or quarantine (record, values or index files that do not read); empty when none
 * @param notes    what is not damage but the open would repair or the reader should know: index files the
 *                 open rewrites from the records (normal after a crash), files quarantined by earlier opens,
 *                 collections not checked
 */
public record CheckReport(Path dataDir, List<String> problems, List<String> notes) {

    public CheckReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether no problem was found. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
