package io.filestore.benchmarks.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.h2.engine.Constants;

import com.sun.management.OperatingSystemMXBean;
import io.filestore.FileStoreOptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the report says about where it ran: cores, memory, CPU, kernel ({@code uname -r}), JDK,
 * the file system of the benchmark folder, the FileStore commit and the peers' library versions
 * (from the {@code pom.properties} their jars carry). Linux first; a missing fact is "unknown".
 */
final class Machine {

    private static final String[][] LIBRARIES = {
            {"org.xerial", "sqlite-jdbc"}, {"com.h2database", "h2"}, {"org.dizitart", "nitrite"},
            {"org.dizitart", "nitrite-mvstore-adapter"}, {"org.springframework.data", "spring-data-keyvalue"},
            {"org.openjdk.jmh", "jmh-core"}, {"org.knowm.xchart", "xchart"}};

    private Machine() {
    }

    static ObjectNode describe() {
        ObjectNode machine = FileStoreOptions.defaultJsonMapper().createObjectNode();
        machine.put("date",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryBytes", totalMemory());
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("kernel", System.getProperty("os.version")); // on Linux this is uname -r
        machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        String benchDir = System.getProperty("bench.dir", "/tmp");
        machine.put("benchDir", benchDir);
        machine.put("fileSystem", command("df", "-T", benchDir).lines().skip(1).findFirst()
                .map(line -> line.trim().split("\\s+")).filter(parts -> parts.length > 1).map(parts -> parts[1])
                .orElse("unknown"));
        machine.put("commit", command("git", "describe", "--always", "--dirty").trim());
        ObjectNode libraries = machine.putObject("libraries");
        for (String[] library : LIBRARIES) {
            libraries.put(library[1], version(library[0], library[1]));
        }
        // h2's jar carries no pom.properties; its version constants are compiled in
        libraries.put("h2", org.h2.engine.Constants.VERSION_MAJOR + "." + org.h2.engine.Constants.VERSION_MINOR + "."
                + Constants.BUILD_ID);
        return machine;
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String version(String group, String artifact) {
        try (InputStream in = Machine.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The output of a short command, or "unknown" when it cannot run. */
    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            boolean done = process.waitFor(10, TimeUnit.SECONDS);
            return done && process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
