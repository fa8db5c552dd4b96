package io.github.cameldune.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The user guide cannot rot: each of its code blocks must stand, line for line, in a file that tests compile and run
 * (the guide's routes and resources, the examples). Indentation and blank lines do not count. A Java snippet that is
 * not a whole file starts with the imports it needs, so that it compiles as copied: the file it stands in imports
 * each of them, and every class a snippet imports exists.
 */
@Timeout(120)
class GuideSnippetsTest {

    private static final Path GUIDE = Path.of("..", "src-docs", "user-guide.adoc");
    private static final Pattern BLOCK = Pattern.compile("\\[source,(\\w+)]\\n----\\n(.*?)\\n----\\n", Pattern.DOTALL);
    /** Checked against files that run. */
    private static final Set<String> CODE = Set.of("java", "yaml", "properties", "sql", "json");
    /** Commands (the README's, run by CI), not code. */
    private static final Set<String> COMMANDS = Set.of("sh");

    @Test
    void everySnippetIsInAFileThatTestsRun() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        for (String root : List.of(
                "src/test/java/io/github/cameldune/examples/guide",
                "src/test/resources/guide",
                "src/main/java",
                "src/main/resources",
                "../examples-spring-boot/src/main/resources",
                "../kamelet-main-tests/src/test/java",
                "../examples-quarkus/src/main/resources",
                "../cluster-tests/src/test/java",
                "../component/src/test/java",
                "../camel-4.18-tests/src/test")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    sources.add(normalize(Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        Matcher m = BLOCK.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        int checked = 0;
        while (m.find()) {
            String language = m.group(1);
            String code = m.group(2);
            if (language.equals("xml")) {
                assertThat(code)
                        .as("the dependency is the component's")
                        .contains(
                                "<groupId>io.github.cameldune</groupId>",
                                "<artifactId>camel-dune</artifactId>",
                                "<version>" + projectVersion() + "</version>");
            } else if (CODE.contains(language)) {
                List<String> lines = normalize(code);
                List<String> imports =
                        lines.stream().filter(l -> l.startsWith("import ")).toList();
                List<String> snippet = lines.subList(imports.size(), lines.size());
                assertThat(lines.subList(0, imports.size()))
                        .as("imports come first")
                        .isEqualTo(imports);
                assertThat(sources)
                        .as(
                                "this %s snippet of the guide is in no file that tests run, with its imports:%n%s",
                                language, code)
                        .anyMatch(source -> contains(source, snippet) && source.containsAll(imports));
                for (String line : imports) {
                    String name = line.replaceAll("^import (static )?|;$", "");
                    String type = line.startsWith("import static ") ? name.substring(0, name.lastIndexOf('.')) : name;
                    assertThat(exists(type)).as("the class of %s", line).isTrue();
                }

            } else {
                assertThat(COMMANDS)
                        .as("a %s block: check it or list it as a command", language)
                        .contains(language);
            }
            checked++;
        }
        assertThat(checked).as("the guide's code blocks").isGreaterThan(10);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, GuideSnippetsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<String> normalize(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean contains(List<String> source, List<String> snippet) {
        return java.util.Collections.indexOfSubList(source, snippet) >= 0;
    }

    private static String projectVersion() throws IOException {
        Matcher v = Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        return v.find() ? v.group(1) : "";
    }
}
