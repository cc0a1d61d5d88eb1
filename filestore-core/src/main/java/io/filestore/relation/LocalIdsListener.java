package io.filestore.relation;

import java.util.List;

/** Hears the new local ids of a remote record after a commit changed them. */
@FunctionalInterface
public interface LocalIdsListener {
    void onChange(String remoteId, List<String> localIds);
}
