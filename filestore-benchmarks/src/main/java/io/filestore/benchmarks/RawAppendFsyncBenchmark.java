package io.filestore.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The physical limit for one durable writer: write a 300-byte record after the last one and force it,
 * in a loop on one thread, the cheapest way the machine allows: over zeros written ahead (64 MiB,
 * reused from the start once full), with {@code force(false)} ({@code fdatasync}), so that no fsync
 * has to write the file's inode. That is what the write-ahead log does ({@code ActiveSegment}); a
 * loop that grows its file and calls {@code force(true)} pays a second device write per record and
 * would flatter FileStore. {@link DurablePutBenchmark#writers01} should come within 1.3x of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawAppendFsyncBenchmark {

    private static final long PREALLOCATED = 64L * 1024 * 1024;

    private final byte[] record = Records.compactBytes(7);
    private Path dir;
    private FileChannel channel;
    private long position;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = TempDirs.create("filestore-raw-append");
        channel = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1024 * 1024);
        for (long at = 0; at < PREALLOCATED; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
        channel.force(true);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public void appendAndForce() throws IOException {
        if (position + record.length > PREALLOCATED) {
            position = 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(false);
    }
}
