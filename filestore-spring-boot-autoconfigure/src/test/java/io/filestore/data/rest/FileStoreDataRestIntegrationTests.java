package io.filestore.data.rest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spring Data REST exports FileStore repositories as it exports any Spring Data module's: paging and
 * sorting, search methods, and {@code If-Match} against the {@code @Version} as an ETag.
 */
@SpringBootTest(classes = FileStoreDataRestIntegrationTests.BooksApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class FileStoreDataRestIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("filestore-rest");
        registry.add("filestore.data-dir", dir::toString);
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    BookRepository books;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        books.deleteAll();
    }

    @Test
    void pagesSortsAndSearchesThroughTheRepository() throws Exception {
        for (int i = 0; i < 25; i++) {
            books.save(new Book(String.format("Title %02d", i), i % 2 == 0 ? "even" : "odd"));
        }
        JsonNode page = body(mvc.perform(get("/books?page=1&size=10&sort=title,desc")).andExpect(status().isOk()).andReturn());
        assertThat(page.at("/page/totalElements").asInt()).isEqualTo(25);
        assertThat(page.at("/page/number").asInt()).isEqualTo(1);
        JsonNode listed = page.at("/_embedded/books");
        assertThat(listed).hasSize(10);
        assertThat(listed.get(0).get("title").asString()).isEqualTo("Title 14");

        JsonNode found = body(mvc.perform(get("/books/search/findByAuthor?author=odd")).andExpect(status().isOk()).andReturn());
        assertThat(found.at("/_embedded/books")).hasSize(12);
        JsonNode prefixed = body(mvc.perform(get("/books/search/findByTitleStartingWith?prefix=Title 1&size=5"))
                .andExpect(status().isOk()).andReturn());
        assertThat(prefixed.at("/page/totalElements").asInt()).isEqualTo(10);
        assertThat(prefixed.at("/_embedded/books")).hasSize(5);
    }

    @Test
    void ifMatchIsCheckedAgainstTheVersion() throws Exception {
        MvcResult created = mvc.perform(post("/books").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Dune\",\"author\":\"Herbert\"}")).andExpect(status().isCreated()).andReturn();
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(mvc.perform(get(location)).andReturn().getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"0\"");

        MvcResult updated = mvc.perform(put(location).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Dune Messiah\",\"author\":\"Herbert\"}")).andExpect(status().is2xxSuccessful()).andReturn();
        assertThat(updated.getResponse().getHeader(HttpHeaders.ETAG)).isEqualTo("\"1\"");

        mvc.perform(put(location).header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Children of Dune\",\"author\":\"Herbert\"}")).andExpect(status().isPreconditionFailed());
        assertThat(books.findAll()).extracting(Book::getTitle).containsExactly("Dune Messiah");
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    @SpringBootApplication
    static class BooksApplication {
    }
}
