package io.filestore.boot.autoconfigure.console;

import io.filestore.FileStoreException;

/**
 * The console was enabled on an address other machines can reach, with nothing guarding it: it would
 * show every record and every change to anyone who reaches the port. {@link ConsoleExposedFailureAnalyzer}
 * turns it into the startup failure report.
 */
public class ConsoleExposedException extends FileStoreException {

    private final String address;

    ConsoleExposedException(String address, String path) {
        super("The FileStore console (filestore.console.enabled=true, at " + path + ") would be reachable on "
                + address + " without Spring Security guarding it: it shows every record and every change.");
        this.address = address;
    }

    /** The address the console would have been reachable on, as the report words it. */
    public String address() {
        return address;
    }
}
