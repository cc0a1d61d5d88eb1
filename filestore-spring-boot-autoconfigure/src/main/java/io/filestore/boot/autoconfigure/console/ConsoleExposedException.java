package io.filestore.boot.autoconfigure.console;

import io.filestore.FileStoreException;

/**
 * The console was enabled on an address other machines can reach, with nothing guarding it: it would
 * show every record and every change to anyone who reaches the port. {@link ConsoleExposedFailureAnalyzer}
 * turns it into the startup failure report.
 */
public class ConsoleExposedException extends FileStoreException {

    private final String address;
    private final String path;

    ConsoleExposedException(String address, String path, String unguarded) {
        super("The FileStore console (filestore.console.enabled=true, at " + path + ") would be reachable on "
                + address + " unguarded: " + unguarded + ". It shows every record and every change.");
        this.address = address;
        this.path = path;
    }

    /** The address the console would have been reachable on, as the report words it. */
    public String address() {
        return address;
    }

    /** The console's path ({@code filestore.console.path}). */
    public String path() {
        return path;
    }
}
