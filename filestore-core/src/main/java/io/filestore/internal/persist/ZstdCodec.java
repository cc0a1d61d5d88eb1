package io.filestore.internal.persist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import io.filestore.CorruptedFileException;
import io.filestore.spi.CollectionPersister;

/** {@code compressed}: another codec's content (JSON lines) compressed with zstd, level 3. */
final class ZstdCodec implements RecordFileCodec {

    private static final int LEVEL = 3;

    private final RecordFileCodec inner;

    ZstdCodec(RecordFileCodec inner) {
        this.inner = inner;
    }

    @Override
    public byte[] encode(Map<String, byte[]> records) {
        return Zstd.compress(inner.encode(records), LEVEL);
    }

    @Override
    public void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool) {
        inner.decodeInto(decompress(content, file), file, sink, pool);
    }

    private static byte[] decompress(byte[] content, Path file) {
        try (ZstdInputStream in = new ZstdInputStream(new ByteArrayInputStream(content))) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new CorruptedFileException(file, 0, "not a valid zstd stream: " + e.getMessage());
        }
    }
}
