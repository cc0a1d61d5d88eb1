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
 * The physical limit for one durable writer: append a 300-byte record to a file and
 * {@code force(true)} it, in a loop on one thread. {@link DurablePutBenchmark#writers01} should come
 * within 1.3x of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawAppendFsyncBenchmark {

    private final byte[] record = Records.compactBytes(7);
    private Path dir;
    private FileChannel channel;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = TempDirs.create("filestore-raw-append");
        channel = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        TempDirs.delete(dir);
    }

    @Benchmark
    @Threads(1)
    public void appendAndForce() throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }
}
