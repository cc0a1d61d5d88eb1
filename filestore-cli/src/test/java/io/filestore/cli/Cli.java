package io.filestore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the tool in-process as {@code main} would, keeping its exit code, stdout and stderr. */
record Cli(int exitCode, String out, String err) {

    static Cli run(Object... args) {
        CommandLine commandLine = FileStoreCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        int exitCode = commandLine.execute(strings);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
