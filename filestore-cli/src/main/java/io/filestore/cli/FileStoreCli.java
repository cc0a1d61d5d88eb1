package io.filestore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code filestore}: the command-line tool's entry point. Exit codes: 0 done (or nothing wrong), 1 the
 * command failed or found a problem, 2 the command line was wrong (picocli's usage error).
 */
@Command(name = "filestore", mixinStandardHelpOptions = true, version = "filestore 0.1.0",
        description = "Looks after a FileStore data folder that no running application holds (each command takes"
                + " the folder's lock and refuses when an application has it).",
        subcommands = {CheckCommand.class, StatsCommand.class, ExportCommand.class, ImportCommand.class,
                CompactCommand.class, RecoverCommand.class, BackupCommand.class, RestoreCommand.class,
                SharedImportCommand.class, SharedExportCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed or found a problem, 2 wrong usage."})
public final class FileStoreCli implements Runnable {

    /** A command failed or found a problem. */
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command: one of " + spec.subcommands().keySet());
    }

    /** The command line with every command, printing a failure's message (not its stack trace) and exiting 1. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new FileStoreCli());
        commandLine.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("filestore " + command.getCommandName() + ": " + e.getMessage());
            return FAILED;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
