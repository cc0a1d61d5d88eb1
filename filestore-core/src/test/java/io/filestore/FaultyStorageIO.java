package io.filestore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The real file system, except that renames start failing once a set number have succeeded. */
final class FaultyStorageIO extends ForwardingStorageIO {

    private final AtomicInteger renamesLeft = new AtomicInteger(Integer.MAX_VALUE);

    /** Lets {@code count} more renames succeed, then fails every rename with an {@link IOException}. */
    void failRenamesAfter(int count) {
        renamesLeft.set(count);
    }

    @Override
    public void moveAtomically(Path source, Path target) throws IOException {
        if (renamesLeft.getAndDecrement() <= 0) {
            throw new IOException("injected: EIO on rename to " + target);
        }
        real.moveAtomically(source, target);
    }
}
