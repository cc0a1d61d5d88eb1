package io.filestore.boot.autoconfigure.console;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes the startup check asks Spring Security about are the controller's routes: a mapping added
 * without its route would be a request the check never asks about.
 */
class ConsoleControllerRoutesTests {

    @Test
    void theRoutesAreExactlyTheControllersMappings() {
        List<String> mapped = new ArrayList<>();
        for (Method method : ConsoleController.class.getDeclaredMethods()) {
            GetMapping get = method.getAnnotation(GetMapping.class);
            PostMapping post = method.getAnnotation(PostMapping.class);
            if (get != null) {
                mapped.add("GET " + single(get.value(), get.path()));
            }
            if (post != null) {
                mapped.add("POST " + single(post.value(), post.path()));
            }
        }

        assertThat(ConsoleController.ROUTES).extracting(route -> route.method() + " " + route.mapping())
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void eachSampleIsARequestItsMappingServes() {
        for (ConsoleController.Route route : ConsoleController.ROUTES) {
            assertThat(PathPatternParser.defaultInstance.parse("/console" + route.mapping())
                    .matches(PathContainer.parsePath("/console" + route.sample()))).as(route.toString()).isTrue();
        }
    }

    private static String single(String[] value, String[] path) {
        String[] given = value.length > 0 ? value : path;
        assertThat(given).hasSize(1);
        return given[0];
    }
}
