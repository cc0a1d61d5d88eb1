package io.filestore;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.filestore.spi.FolderLock;
import io.filestore.spi.FolderLockedException;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * An in-memory file system behind the {@link StorageIO} seam that models what a power loss keeps:
 * a file's content survives only as of its last {@code force}, and a folder's entries (creations,
 * renames, deletions) only as of its last {@code syncDirectory}. Folders themselves are kept once
 * created (a simplification: the store syncs parents after creating folders anyway).
 *
 * <p>Faults, counted over mutating operations (create, open, write, force, rename, delete, sync,
 * truncate, mkdir): fail the Nth (once, or from then on), tear the Nth write after k bytes, or lose
 * power at the Nth sync (force or folder sync), after which every operation fails until
 * {@link #afterPowerLoss()} gives the disk as it would boot. Thread-safe (one lock).
 */
final class SimulatedDisk implements StorageIO {

    private static final class Inode {
        byte[] data = new byte[0];
        byte[] durable = new byte[0];
    }

    private final Map<Path, Map<String, Inode>> live = new HashMap<>();
    private final Map<Path, Map<String, Inode>> durable = new HashMap<>();
    private final Set<Path> locked = new HashSet<>();
    private int operations;
    private int syncs;
    private int failAt = -1;
    private boolean failFromThenOn;
    private int tearAt = -1;
    private int tearKeep;
    private int powerLossAtSync = -1;
    private boolean poweredOff;
    private Path tearWriteTo;
    private int tearWriteToKeep;
    private boolean tearWriteToKills;

    /** Fails the Nth operation from now (1-based), once or from then on. */
    synchronized SimulatedDisk failAt(int n, boolean fromThenOn) {
        failAt = operations + n;
        failFromThenOn = fromThenOn;
        return this;
    }

    /** Makes the Nth operation from now, if it is a write, write only {@code keep} bytes and fail. */
    synchronized SimulatedDisk tearWriteAt(int n, int keep) {
        tearAt = operations + n;
        tearKeep = keep;
        return this;
    }

    /**
     * Kills the process in the middle of the next write to {@code file}: it writes only {@code keep}
     * bytes and fails, and so does every operation after it; {@link #afterProcessCrash()} gives the
     * disk the next process finds.
     */
    synchronized SimulatedDisk crashInWriteTo(Path file, int keep) {
        tearWriteTo = file;
        tearWriteToKeep = keep;
        tearWriteToKills = true;
        return this;
    }

    /** Makes the next write to {@code file} write only {@code keep} bytes and fail; the process lives on. */
    synchronized SimulatedDisk tearNextWriteTo(Path file, int keep) {
        tearWriteTo = file;
        tearWriteToKeep = keep;
        tearWriteToKills = false;
        return this;
    }

    /** Loses power at the Nth sync from now: that sync does not happen and nothing works afterwards. */
    synchronized SimulatedDisk losePowerAtSync(int n) {
        powerLossAtSync = syncs + n;
        return this;
    }

    /** Clears every planned fault (power stays off once lost). */
    synchronized void heal() {
        failAt = -1;
        tearAt = -1;
        powerLossAtSync = -1;
    }

    synchronized int operations() {
        return operations;
    }

    synchronized int syncs() {
        return syncs;
    }

    synchronized boolean poweredOff() {
        return poweredOff;
    }

    /** The disk after the power comes back: what was durable, and nothing else. */
    synchronized SimulatedDisk afterPowerLoss() {
        SimulatedDisk booted = new SimulatedDisk();
        Map<Inode, Inode> copies = new IdentityHashMap<>();
        durable.forEach((dir, entries) -> {
            Map<String, Inode> files = new HashMap<>();
            entries.forEach((name, inode) -> files.put(name, copies.computeIfAbsent(inode, old -> {
                Inode copy = new Inode();
                copy.data = old.durable.clone();
                copy.durable = old.durable.clone();
                return copy;
            })));
            booted.live.put(dir, files);
            booted.durable.put(dir, new HashMap<>(files));
        });
        return booted;
    }

    /** The disk as a new process would find it after this one was killed: everything written, synced or not. */
    synchronized SimulatedDisk afterProcessCrash() {
        SimulatedDisk copy = new SimulatedDisk();
        Map<Inode, Inode> copies = new IdentityHashMap<>();
        live.forEach((dir, entries) -> {
            Map<String, Inode> files = new HashMap<>();
            entries.forEach((name, inode) -> files.put(name, copies.computeIfAbsent(inode, old -> {
                Inode clone = new Inode();
                clone.data = old.data.clone();
                clone.durable = old.durable.clone();
                return clone;
            })));
            copy.live.put(dir, files);
            copy.durable.put(dir, new HashMap<>(durable.getOrDefault(dir, Map.of())));
        });
        return copy;
    }

    /** Every file path on the disk now. */
    synchronized List<Path> allFiles() {
        List<Path> files = new ArrayList<>();
        live.forEach((dir, entries) -> entries.keySet().forEach(name -> files.add(dir.resolve(name))));
        return files;
    }

    /** Overwrites a file's content, durably, as an outside tool would. */
    synchronized void replaceContent(Path file, byte[] content) throws IOException {
        Inode inode = inode(file);
        inode.data = content.clone();
        inode.durable = content.clone();
    }

    @Override
    public synchronized void createDirectories(Path dir) throws IOException {
        step(false, dir);
        for (Path path = dir; path != null; path = path.getParent()) {
            live.computeIfAbsent(path, p -> new HashMap<>());
            durable.computeIfAbsent(path, p -> new HashMap<>());
        }
    }

    @Override
    public synchronized boolean exists(Path path) {
        return live.containsKey(path) || (live.containsKey(path.getParent()) && live.get(path.getParent()).containsKey(name(path)));
    }

    @Override
    public synchronized boolean isDirectory(Path path) {
        return live.containsKey(path);
    }

    @Override
    public synchronized List<Path> list(Path dir) throws IOException {
        checkPower(dir);
        Map<String, Inode> entries = live.get(dir);
        if (entries == null) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        entries.keySet().forEach(name -> out.add(dir.resolve(name)));
        live.keySet().stream().filter(other -> dir.equals(other.getParent())).forEach(out::add);
        return out;
    }

    @Override
    public synchronized byte[] readAllBytes(Path file) throws IOException {
        checkPower(file);
        return inode(file).data.clone();
    }

    @Override
    public synchronized long size(Path file) throws IOException {
        return inode(file).data.length;
    }

    @Override
    public synchronized WritableFile createNew(Path file) throws IOException {
        step(false, file);
        Map<String, Inode> entries = folder(file);
        if (entries.containsKey(name(file))) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Inode inode = new Inode();
        entries.put(name(file), inode);
        return new SimulatedFile(file, inode, 0);
    }

    @Override
    public synchronized WritableFile openForAppend(Path file) throws IOException {
        step(false, file);
        Inode inode = folder(file).computeIfAbsent(name(file), n -> new Inode());
        return new SimulatedFile(file, inode, inode.data.length);
    }

    @Override
    public synchronized void moveAtomically(Path source, Path target) throws IOException {
        step(false, target);
        Inode inode = folder(source).remove(name(source));
        if (inode == null) {
            throw new NoSuchFileException(source.toString());
        }
        folder(target).put(name(target), inode);
    }

    @Override
    public synchronized boolean deleteIfExists(Path path) throws IOException {
        step(false, path);
        if (live.containsKey(path)) {
            live.remove(path);
            durable.remove(path);
            return true;
        }
        Map<String, Inode> entries = live.get(path.getParent());
        return entries != null && entries.remove(name(path)) != null;
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        step(true, dir);
        Map<String, Inode> entries = live.get(dir);
        if (entries != null) {
            durable.put(dir, new HashMap<>(entries));
        }
    }

    @Override
    public synchronized FolderLock lockFolder(Path dir, String lockFileName) throws IOException {
        checkPower(dir);
        if (!locked.add(dir)) {
            throw new FolderLockedException(dir, "by another FileStore on this simulated disk");
        }
        return new FolderLock() {
            @Override
            public Path folder() {
                return dir;
            }

            @Override
            public void close() {
                synchronized (SimulatedDisk.this) {
                    locked.remove(dir);
                }
            }
        };
    }

    private final class SimulatedFile implements WritableFile {
        private final Path path;
        private final Inode inode;
        private int position;

        SimulatedFile(Path path, Inode inode, int position) {
            this.path = path;
            this.inode = inode;
            this.position = position;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            synchronized (SimulatedDisk.this) {
                boolean targeted = path.equals(tearWriteTo);
                boolean tear = step(false, path) == tearAt || targeted;
                int count = tear ? Math.min(targeted ? tearWriteToKeep : tearKeep, length) : length;
                if (targeted) {
                    tearWriteTo = null;
                }
                if (position + count > inode.data.length) {
                    inode.data = Arrays.copyOf(inode.data, position + count);
                }
                System.arraycopy(bytes, offset, inode.data, position, count);
                position += count;
                if (targeted && tearWriteToKills) {
                    poweredOff = true; // as good as dead: nothing more reaches the disk
                    throw new IOException("process killed after " + count + " of " + length + " bytes to " + path);
                }
                if (tear) {
                    throw new IOException("injected torn write after " + count + " of " + length + " bytes to " + path);
                }
            }
        }

        @Override
        public void force() throws IOException {
            synchronized (SimulatedDisk.this) {
                step(true, path);
                inode.durable = inode.data.clone();
            }
        }

        @Override
        public void preallocate(long from, long to) throws IOException {
            synchronized (SimulatedDisk.this) {
                step(false, path);
                if (to > inode.data.length) {
                    inode.data = Arrays.copyOf(inode.data, (int) to); // the new bytes are zeros
                }
                Arrays.fill(inode.data, (int) from, (int) to, (byte) 0);
            }
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (SimulatedDisk.this) {
                step(false, path);
                inode.data = Arrays.copyOf(inode.data, (int) Math.min(size, inode.data.length));
                position = inode.data.length;
            }
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** Counts an operation and raises the planned fault, if this is its turn; returns its number. */
    private int step(boolean isSync, Path path) throws IOException {
        checkPower(path);
        int n = ++operations;
        if (isSync && ++syncs == powerLossAtSync) {
            poweredOff = true;
            throw new IOException("simulated power loss at sync #" + syncs + " (" + path + ")");
        }
        if (n == failAt || (failFromThenOn && failAt > 0 && n > failAt)) {
            throw new IOException("injected failure of operation #" + n + " (" + path + ")");
        }
        return n;
    }

    private void checkPower(Path path) throws IOException {
        if (poweredOff) {
            throw new IOException("simulated power loss: the disk is gone (" + path + ")");
        }
    }

    private Map<String, Inode> folder(Path file) throws IOException {
        Map<String, Inode> entries = live.get(file.getParent());
        if (entries == null) {
            throw new NoSuchFileException(file.getParent().toString());
        }
        return entries;
    }

    private Inode inode(Path file) throws IOException {
        Inode inode = folder(file).get(name(file));
        if (inode == null) {
            throw new NoSuchFileException(file.toString());
        }
        return inode;
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }
}
