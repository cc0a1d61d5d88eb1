package io.filestore.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Five minutes with Spring Boot" as a newcomer copies it: its Java blocks, each a source file
 * as written (package, imports and all), compile together against FileStore's starter, and its build
 * snippet names the Spring Boot and FileStore versions this build uses.
 */
class ReadmeQuickStartTests {

    private static final Path README = Path.of("..", "README.md");
    private static final String SECTION = "## Five minutes with Spring Boot";
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public (?:final |abstract )?(?:class|interface|record|enum) (\\w+)", Pattern.MULTILINE);

    @TempDir
    Path temp;

    @Test
    void javaBlocksCompileAsWritten() throws IOException {
        List<String> blocks = blocks("java");
        assertThat(blocks).as("Java blocks in '%s'", SECTION).hasSizeGreaterThanOrEqualTo(4);
        List<String> files = new ArrayList<>();
        for (String block : blocks) {
            Matcher packageName = PACKAGE.matcher(block);
            Matcher type = PUBLIC_TYPE.matcher(block);
            assertThat(packageName.find()).as("a package line, as in a source file:\n%s", block).isTrue();
            assertThat(type.find()).as("one public type, named as its file:\n%s", block).isTrue();
            Path source = temp.resolve("src").resolve(packageName.group(1).replace('.', '/'))
                    .resolve(type.group(1) + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, block, StandardCharsets.UTF_8);
            files.add(source.toString());
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-Xlint:deprecation",
                "-classpath", System.getProperty("java.class.path"), "-d", temp.resolve("classes").toString()));
        arguments.addAll(files);
        int exit = javac.run(null, printed, printed, arguments.toArray(String[]::new));
        String diagnostics = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("javac on README's quick start:\n%s", diagnostics).isZero();
        assertThat(diagnostics).as("javac's warnings on README's quick start").isEmpty();
    }

    @Test
    void buildSnippetNamesTheVersionsOfThisBuild() throws IOException {
        List<String> xml = blocks("xml");
        List<String> builds = xml.stream().filter(block -> block.contains("<artifactId>spring-boot-starter-parent</artifactId>")).toList();
        assertThat(builds).as("the build snippet in '%s'", SECTION).hasSize(1);
        String pom = builds.get(0);
        for (String other : xml) {
            if (other.contains("<artifactId>filestore-bom</artifactId>")) {
                assertThat(other).as("the BOM snippet").contains("<artifactId>filestore-bom</artifactId>\n      <version>"
                        + System.getProperty("filestore.version") + "</version>");
            }
        }
        assertThat(pom).contains("<artifactId>spring-boot-starter-parent</artifactId>\n  <version>"
                + System.getProperty("spring-boot.version") + "</version>");
        assertThat(pom).contains("<artifactId>filestore-spring-boot-starter</artifactId>\n    <version>"
                + System.getProperty("filestore.version") + "</version>");
        assertThat(section()).as("how to get the artifacts before they are published")
                .contains("mvn -B -q install -DskipTests");
    }

    @Test
    void collectionsBlockIsTheSamplesOwnAndLeavesIndexesToTheEntities() throws IOException {
        List<String> yaml = blocks("yaml");
        assertThat(yaml).as("the collections block in '%s'", SECTION).hasSize(1);
        String sample = Files.readString(Path.of("src", "main", "resources", "application.yml"), StandardCharsets.UTF_8);
        for (String line : yaml.get(0).lines().toList()) {
            assertThat(sample).as("the sample's application.yml").contains(line);
        }
        assertThat(sample).as("indexes are declared once, by the entities' @Indexed")
                .doesNotContain("indexed:").doesNotContain("unique:");
    }

    private static List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(section());
        while (block.find()) {
            if (block.group(1).equals(language)) {
                blocks.add(block.group(2));
            }
        }
        return blocks;
    }

    private static String section() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has the section '%s'", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
