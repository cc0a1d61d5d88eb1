package io.filestore.boot.test.autoconfigure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContextManager;

import io.filestore.FileStore;

/**
 * Run in a child JVM by {@link DataDirFromTheEnvironmentIntegrationTests}, whose environment variables and
 * system properties it inherits: loads a {@link FileStoreTest} context as a test run would, prints its data
 * folder and how many users it found, deletes them all and closes the context.
 */
public final class SliceProbe {

    @FileStoreTest
    static final class ProbedSlice {

        @Autowired
        FileStore store;

        @Autowired
        UserRepository users;
    }

    private SliceProbe() {
    }

    public static void main(String[] args) throws Exception {
        TestContextManager manager = new TestContextManager(ProbedSlice.class);
        ProbedSlice slice = new ProbedSlice();
        manager.prepareTestInstance(slice);
        System.out.println("DATA-DIR " + slice.store.dataDir());
        System.out.println("USERS " + slice.users.count());
        slice.users.deleteAll();
        manager.getTestContext().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
        System.out.println("CLOSED");
    }
}
