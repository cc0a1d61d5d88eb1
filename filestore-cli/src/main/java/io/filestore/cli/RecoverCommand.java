package io.filestore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import io.filestore.CollectionOptions;
import io.filestore.CorruptedFileException;
import io.filestore.FileStore;
import io.filestore.StoreStatus;
import io.filestore.WriteAheadLogLossException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code filestore recover <folder>}: opens a damaged folder with the store's own recovery, so that what
 * cannot be read is quarantined ({@code _quarantine/}) and the rest opens. A loss of logged transactions
 * (a segment deleted or cut, a damaged checkpoint or log) is printed first and taken only with
 * {@code --accept-loss}: the store's {@code acceptLogLoss}, or, for a log that cannot be read at all, the
 * {@code _wal} folder moved into {@code _quarantine/}. A damaged {@code _collections.json} is quarantined too
 * (it only records layouts). Ends with a folder that opens, or exit 1 saying what stands in the way.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Opens a damaged folder: files that cannot be read are moved to _quarantine/ and the rest opens.",
                "Transactions lost from a damaged write-ahead log are printed; they are given up only with --accept-loss."})
final class RecoverCommand implements Callable<Integer> {

    private static final int MAX_ATTEMPTS = 5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder")
    Path folder;

    @Option(names = "--accept-loss", description = "give up the transactions a damaged log lost (printed first)")
    boolean acceptLoss;

    @Override
    public Integer call() throws IOException {
        Path dataDir = folder.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();
        boolean acceptLogLoss = false;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<CollectionOptions> collections = Folders.collections(dataDir);
            try (FileStore store = FileStore.open(Folders.options(dataDir, collections).acceptLogLoss(acceptLogLoss).build())) {
                report(store.status(), collections, store, out);
                out.flush();
                return 0;
            } catch (WriteAheadLogLossException e) {
                e.losses().forEach(loss -> out.println("LOST " + loss));
                if (!acceptLoss) {
                    return refuse(out, "the write-ahead log lost the transactions above");
                }
                acceptLogLoss = true;
            } catch (CorruptedFileException e) {
                out.println("DAMAGED " + e.getMessage());
                Path relative = dataDir.relativize(e.path().toAbsolutePath().normalize());
                if (relative.startsWith("_wal")) {
                    if (!acceptLoss) {
                        return refuse(out, "the write-ahead log cannot be read: the transactions it holds above the last"
                                + " flush would be lost");
                    }
                    out.println("LOST every transaction logged since the last flush: " + quarantine(dataDir, Path.of("_wal")));
                } else if (relative.toString().equals("_collections.json")) {
                    out.println("moved aside (it only records layouts): " + quarantine(dataDir, relative));
                } else {
                    throw e;
                }
            }
        }
        return refuse(out, "it still does not open after " + MAX_ATTEMPTS + " attempts");
    }

    private int refuse(PrintWriter out, String why) {
        out.println("NOT RECOVERED: " + why + (acceptLoss ? "" : "; run again with --accept-loss to give them up"));
        out.flush();
        return FileStoreCli.FAILED;
    }

    private static void report(StoreStatus status, List<CollectionOptions> collections, FileStore store, PrintWriter out) {
        status.quarantinedFiles().forEach(file -> out.println("QUARANTINED " + file));
        status.wal().acceptedLoss().forEach(loss -> out.println("LOST " + loss));
        int records = collections.stream().mapToInt(options -> store.collection(options.name()).count()).sum();
        out.println("RECOVERED: " + status.dataDir() + " opens with " + collections.size() + " collection(s), " + records
                + " record(s), at sequence " + status.lastSequence());
    }

    /** Moves a file or folder of the data folder into {@code _quarantine/}, stamped; returns where it went. */
    private static Path quarantine(Path dataDir, Path relative) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path to = dataDir.resolve("_quarantine").resolve(relative.getFileName() + "." + stamp);
        Files.createDirectories(to.getParent());
        Files.move(dataDir.resolve(relative), to);
        return to;
    }
}
