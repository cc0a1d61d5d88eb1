package io.filestore.boot.autoconfigure.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.filestore.FileStore;
import io.filestore.IndexStatus;
import io.filestore.StoreStatus;
import io.filestore.query.Query;
import io.filestore.query.QueryResult;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console under {@code filestore.console.path}: the page ({@code /}, its script and style), and the
 * JSON it reads under {@code api/}. Reading never creates a collection: an unknown name is a 404.
 * Registered only by {@link FileStoreConsoleAutoConfiguration} (its package is not one applications scan).
 */
@RestController
@RequestMapping("${filestore.console.path:/filestore-console}")
final class ConsoleController {

    /**
     * Every request this controller serves, under the console's path, with a sample collection name where
     * the route has one: what {@link ConsoleSecurity} asks Spring Security about (a test holds it to the
     * mappings below).
     */
    static final List<Route> ROUTES = List.of(
            new Route("GET", "", ""), new Route("GET", "/", "/"), new Route("GET", "/console.js", "/console.js"),
            new Route("GET", "/console.css", "/console.css"), new Route("GET", "/api/status", "/api/status"),
            new Route("GET", "/api/collections", "/api/collections"),
            new Route("GET", "/api/collections/{name}/records", "/api/collections/any/records"),
            new Route("GET", "/api/collections/{name}/record", "/api/collections/any/record"),
            new Route("POST", "/api/collections/{name}/query", "/api/collections/any/query"),
            new Route("GET", "/api/changes", "/api/changes"));

    private static final String PAGES = "io/filestore/boot/autoconfigure/console/";
    private static final int MAX_PAGE = 500;

    private final FileStore store;
    private final ConsoleChangeFeed feed;
    private final String path;

    ConsoleController(FileStore store, ConsoleChangeFeed feed, String path) {
        this.store = store;
        this.feed = feed;
        this.path = path;
    }

    /** The bare path: to the page, whose relative links need the trailing slash. */
    @GetMapping("")
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", path + "/").build();
    }

    @GetMapping("/")
    ResponseEntity<Resource> page() {
        return asset("console.html", MediaType.TEXT_HTML);
    }

    @GetMapping("/console.js")
    ResponseEntity<Resource> script() {
        return asset("console.js", MediaType.valueOf("text/javascript"));
    }

    @GetMapping("/console.css")
    ResponseEntity<Resource> style() {
        return asset("console.css", MediaType.valueOf("text/css"));
    }

    /** The store's state in a line: folder, state, last sequence. */
    @GetMapping("/api/status")
    Map<String, Object> status() {
        StoreStatus status = store.status();
        return Map.of("dataDir", status.dataDir().toString(), "state", status.state().name(),
                "lastSequence", status.lastSequence());
    }

    /** Every collection with its record count, strategy and indexes, by name. */
    @GetMapping("/api/collections")
    List<CollectionSummary> collections() {
        StoreStatus status = store.status();
        return store.collectionNames().stream().map(name -> new CollectionSummary(name,
                status.recordCounts().getOrDefault(name, 0), store.collection(name).options().strategy().configName(),
                status.indexes().getOrDefault(name, List.of()))).toList();
    }

    /** A page of a collection's ids, in id order. */
    @GetMapping("/api/collections/{name}/records")
    ResponseEntity<RecordPage> records(@PathVariable String name, @RequestParam(defaultValue = "0") int offset,
                                       @RequestParam(defaultValue = "50") int limit) {
        if (!store.collectionNames().contains(name)) {
            return ResponseEntity.notFound().build();
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_PAGE);
        }
        QueryResult page = Query.from(store, name).offset(offset).limit(limit).run();
        return ResponseEntity.ok(new RecordPage(store.collection(name).count(), offset, page.ids()));
    }

    /** One record as stored, by id (a query parameter, so ids with any character work). */
    @GetMapping("/api/collections/{name}/record")
    ResponseEntity<ObjectNode> record(@PathVariable String name, @RequestParam String id) {
        Optional<ObjectNode> record = store.collectionNames().contains(name) ? store.collection(name).get(id)
                : Optional.empty();
        return ResponseEntity.of(record);
    }

    /** Runs a query from the console's form, with its plan and timing. */
    @PostMapping("/api/collections/{name}/query")
    ResponseEntity<ConsoleQuery.Result> query(@PathVariable String name, @RequestBody ConsoleQuery.Request request) {
        if (!store.collectionNames().contains(name)) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(ConsoleQuery.run(store, name, request));
    }

    /** Committed changes as server-sent events, until the page closes. */
    @GetMapping(path = "/api/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter changes() {
        return feed.open();
    }

    /** A wrong query or page: 400 with the message the console shows. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(e.getMessage())));
    }

    private static ResponseEntity<Resource> asset(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).header("Cache-Control", "no-store")
                .body(new ClassPathResource(PAGES + name));
    }

    /** A collection in the console's list. */
    record CollectionSummary(String name, int records, String strategy, List<IndexStatus> indexes) {
    }

    /**
     * A page of ids.
     *
     * @param total  the collection's record count
     * @param offset where the page starts
     * @param ids    the page's ids, in id order
     */
    record RecordPage(int total, int offset, List<String> ids) {
    }

    /** One route: its method, its mapping, and a request path that matches it. */
    record Route(String method, String mapping, String sample) {
    }
}
