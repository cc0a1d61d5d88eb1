package io.filestore.data.core;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.IdEntities.Counter;
import io.filestore.data.mapping.FileStoreMappingContext;

/**
 * The child process of {@link SequenceCrashIntegrationTests}: saves counters with generated Long ids
 * from several threads until it is killed, deleting every third one, and prints one line per
 * acknowledged write: {@code S <id>} after a save returned, {@code T <id>} after the save of one it
 * deletes next returned, {@code D <id>} after that delete returned.
 * Flushes often, so kills land before, during and after flushes.
 */
public final class SequenceWriter {

    static final String READY = "READY";
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private SequenceWriter() {
    }

    public static void main(String[] args) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        FileStoreOptions.Builder options = FileStoreOptions.builder(Path.of(args[0])).flushInterval(Duration.ofMillis(50));
        EntityCollections.merge(context, List.of(Counter.class), List.of()).forEach(options::collection);
        FileStore store = FileStore.open(options.build());
        FileStoreTemplate template = new FileStoreTemplate(store, new MappingFileStoreConverter(context), List.of(Counter.class));
        for (int t = 0; t < 3; t++) {
            Thread writer = new Thread(() -> {
                for (int n = 0; ; n++) {
                    boolean temporary = n % 3 == 2;
                    Counter saved = template.save(new Counter("n" + n));
                    print((temporary ? "T " : "S ") + saved.id);
                    if (temporary) {
                        template.deleteById(saved.id, Counter.class);
                        print("D " + saved.id);
                    }
                }
            });
            writer.start();
        }
        print(READY);
    }

    private static void print(String line) {
        synchronized (OUT) {
            OUT.println(line);
        }
    }
}
