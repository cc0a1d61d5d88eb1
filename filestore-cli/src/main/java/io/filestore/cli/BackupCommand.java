package io.filestore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;

import io.filestore.BackupResult;
import io.filestore.FileStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code filestore backup}: offline, {@link FileStore#backup} of a folder no application holds; online, a
 * {@code POST} to a running application's Actuator endpoint ({@code /actuator/filestore}) asking it to back
 * itself up into a folder on its machine (under the root the application allows).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of a store into <target> (new or empty): offline from --folder,"
                + " or online through a running application's Actuator endpoint (--url), where <target> is a path"
                + " on the application's machine under its configured backup root.",
                "Restore by opening the copy, or with 'filestore restore'."})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Source source;

    @Parameters(index = "0", paramLabel = "<target>", description = "the backup folder: new or empty")
    Path target;

    @Option(names = "--user", description = "user:password for the endpoint (HTTP basic)")
    String user;

    /** Exactly one of a folder or an endpoint. */
    static final class Source {
        @Option(names = "--folder", required = true, description = "the data folder (offline: no application holds it)")
        Path folder;

        @Option(names = "--url", required = true, description = "the endpoint, e.g. http://localhost:8080/actuator/filestore")
        URI url;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        return source.folder != null ? offline() : online();
    }

    private int offline() {
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar bar = new ProgressBar("backup", spec.commandLine().getErr());
        BackupResult result;
        try (FileStore store = Folders.open(source.folder.toAbsolutePath().normalize())) {
            result = store.backup(target, bar::update);
        }
        bar.finish();
        out.printf("backed up to %s at sequence %d: %d file(s), %s (%d linked, %d copied)%n", target.toAbsolutePath(),
                result.sequence(), result.files(), Folders.human(result.bytes()), result.linked(), result.copied());
        result.notIncluded().forEach(left -> out.println("not included: " + left));
        out.flush();
        return 0;
    }

    /** The endpoint's write operation: {@code {"operation":"backup","target":"..."}}; its answer is printed. */
    private int online() throws IOException, InterruptedException {
        ObjectNode body = ExportCommand.MAPPER.createObjectNode().put("operation", "backup").put("target", target.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(source.url).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ExportCommand.MAPPER.writeValueAsString(body)));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        PrintWriter out = spec.commandLine().getOut();
        out.println(response.body());
        out.flush();
        if (response.statusCode() / 100 != 2) {
            spec.commandLine().getErr().println("filestore backup: " + source.url + " answered " + response.statusCode());
            return FileStoreCli.FAILED;
        }
        return 0;
    }
}
