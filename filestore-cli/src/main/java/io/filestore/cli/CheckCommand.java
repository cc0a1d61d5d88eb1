package io.filestore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.filestore.CheckReport;
import io.filestore.StoreFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code filestore check <folder>}: {@link StoreFolder#check}, printed; exit 1 when a problem was found. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks every record, values and index file, the write-ahead log's continuity and its checkpoint"
                + " the way the store's open does, on a scratch copy: the folder is not changed.",
                "Prints each problem with its file; exits 1 when there is any."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder")
    Path folder;

    @Override
    public Integer call() {
        CheckReport report = StoreFolder.check(folder);
        PrintWriter out = spec.commandLine().getOut();
        report.problems().forEach(problem -> out.println("PROBLEM " + problem));
        report.notes().forEach(note -> out.println("note    " + note));
        out.println(report.ok() ? "OK: " + report.dataDir() + " has no problem"
                : report.problems().size() + " problem(s) in " + report.dataDir()
                        + "; 'filestore recover' quarantines what cannot be read and opens the rest");
        out.flush();
        return report.ok() ? 0 : FileStoreCli.FAILED;
    }
}
