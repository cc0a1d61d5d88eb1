package io.filestore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.filestore.FileStore;
import io.filestore.IncompleteBackupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code filestore restore <backup> <folder>}: copies a complete backup into a new or empty data folder,
 * then opens and closes it there to prove it opens. The backup itself is not changed, so it can be
 * restored again.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Copies a complete backup into <folder> (new or empty) and opens it there once to check it."
                + " An application can also open a backup folder directly.")
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<backup>", description = "a folder written by 'backup'")
    Path backup;

    @Parameters(index = "1", paramLabel = "<folder>", description = "the data folder to create: new or empty")
    Path folder;

    @Override
    public Integer call() throws IOException {
        Path from = backup.toAbsolutePath().normalize();
        Path to = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(from)) {
            throw new IllegalArgumentException("Invalid value '" + backup + "' for <backup>; allowed: a backup folder");
        }
        Path marker = from.resolve("_backup.incomplete");
        if (Files.exists(marker)) {
            throw new IncompleteBackupException(from, marker);
        }
        if (!Folders.isNewOrEmpty(to) || to.startsWith(from) || from.startsWith(to)) {
            throw new IllegalArgumentException("Invalid value '" + folder + "' for <folder>; allowed: a folder that does"
                    + " not exist yet or is empty, outside the backup");
        }
        copy(from, to);
        int collections;
        try (FileStore store = Folders.open(to)) {
            collections = Folders.collections(to).size();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("restored " + from + " into " + to + " (" + collections + " collection(s)); it opens");
        out.flush();
        return 0;
    }

    private void copy(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        ProgressBar bar = new ProgressBar("restore", spec.commandLine().getErr());
        Files.createDirectories(to);
        int done = 0;
        for (Path file : files) {
            Path copy = to.resolve(from.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
            bar.update(++done, files.size());
        }
        bar.finish();
    }
}
