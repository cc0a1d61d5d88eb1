package io.filestore.internal.persist;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.filestore.CorruptedFileException;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;

/**
 * The {@code single-file} and {@code compressed} strategies: the whole collection in one file,
 * encoded by a {@link RecordFileCodec} and replaced atomically whenever a flush finds it changed.
 * Index files go to {@code <folder of the file>/indices/<collection>/}. A file that does not decode is
 * quarantined whole and the collection starts empty, so the bad file is never overwritten.
 */
final class SingleFilePersister implements CollectionPersister {

    private final String collection;
    private final Path file;
    private final RecordFileCodec codec;
    private final StorePersistContext context;

    SingleFilePersister(String collection, Path file, RecordFileCodec codec, StorePersistContext context) {
        this.collection = collection;
        this.file = file;
        this.codec = codec;
        this.context = context;
    }

    @Override
    public void load(RecordSink sink) {
        byte[] content = Folders.prepareAndRead(context, file, indexFolder(), collection);
        if (content == null) {
            return;
        }
        try {
            codec.decodeInto(content, file, sink, context.pool());
        } catch (CorruptedFileException e) {
            context.quarantine().add(collection, file, e.getMessage());
        }
    }

    @Override
    public boolean needsAllRecords(int recordCount) {
        return true;
    }

    @Override
    public void stage(Map<String, byte[]> changes, Map<String, byte[]> allRecords, FileBatch batch) {
        batch.write(file, codec.encode(allRecords));
    }

    @Override
    public void stageRemoval(Set<String> ids, FileBatch batch) {
        batch.delete(file);
        IndexFiles.stageRemovalOfFolder(context, indexFolder(), batch);
        batch.delete(indexFolder());
    }

    @Override
    public Path indexFolder() {
        return Folders.indexFolderBeside(file, collection);
    }

}
