package io.filestore.internal.persist;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import io.filestore.MissingDependencyException;

/**
 * zstd-jni, the library of the {@code compressed} strategy, is an optional dependency of
 * filestore-core. A collection that needs it checks here when it is opened, so that a JVM without it
 * (or without its native library for this platform) fails the open naming the collection and the
 * artifact, instead of failing at the first flush with an acknowledged write still only in memory.
 */
final class ZstdLibrary {

    private static final String ENTRY_CLASS = "com.github.luben.zstd.Zstd";
    private static final String FALLBACK_ARTIFACT = "com.github.luben:zstd-jni";

    private ZstdLibrary() {
    }

    /**
     * Loads zstd-jni and its native library.
     *
     * @throws MissingDependencyException naming the collection and the artifact when it cannot
     */
    static void require(String collection) {
        try {
            // initializing the class loads the native library, which fails here rather than on first use
            Class.forName(ENTRY_CLASS, true, ZstdLibrary.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            String artifact = artifact();
            throw new MissingDependencyException(collection, artifact, "Collection '" + collection
                    + "' uses the compressed strategy, which needs zstd-jni, an optional dependency of filestore-core "
                    + "that is not on the class path: add " + artifact + " to your dependencies", e);
        } catch (LinkageError e) {
            String artifact = artifact();
            throw new MissingDependencyException(collection, artifact, "Collection '" + collection
                    + "' uses the compressed strategy, but zstd-jni could not load its native library for "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + e
                    + "): use a build of " + artifact + " that ships one for this platform", e);
        }
    }

    /** The {@code groupId:artifactId:version} the build wrote down, or without the version when it is not there. */
    static String artifact() {
        try (InputStream in = ZstdLibrary.class.getResourceAsStream("zstd-jni.properties")) {
            if (in == null) {
                return FALLBACK_ARTIFACT;
            }
            Properties properties = new Properties();
            properties.load(in);
            String artifact = properties.getProperty("artifact", FALLBACK_ARTIFACT);
            // an unfiltered copy (an IDE build that skipped the POM's filtering) has no version to offer
            return artifact.contains("${") ? FALLBACK_ARTIFACT : artifact;
        } catch (IOException e) {
            return FALLBACK_ARTIFACT; // only the message loses the version
        }
    }
}
