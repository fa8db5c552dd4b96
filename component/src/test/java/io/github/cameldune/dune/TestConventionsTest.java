package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How every test of every module waits: for a condition, with Awaitility, never for a guessed time; a
 * {@code Thread.sleep} only where a test is about time itself, saying so ({@code // about time: ...}) on the line before;
 * and every test class bounded by a {@code @Timeout}, so that a test that hangs fails instead of stalling the build.
 */
@Timeout(60)
class TestConventionsTest {

    private static final Path ROOT = Path.of("..");

    private static List<Path> testSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path tests = module.resolve("src/test/java");
                if (Files.isDirectory(tests)) {
                    try (Stream<Path> files = Files.walk(tests)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        return sources;
    }

    @Test
    void aTestSleepsOnlyWhereItIsAboutTimeAndSaysSo() throws IOException {
        List<String> unexplained = new ArrayList<>();
        for (Path file : testSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("Thread." + "sleep(")
                        && !lines.get(i).contains("about time")
                        && (i == 0 || !lines.get(i - 1).contains("// about time"))) {
                    unexplained.add(ROOT.relativize(file) + ":" + (i + 1) + ": "
                            + lines.get(i).strip());
                }
            }
        }
        assertThat(unexplained)
                .as("sleeps without '// about time: why' on the line before")
                .isEmpty();
    }

    @Test
    void everyTestClassHasATimeout() throws IOException {
        List<String> unbounded = new ArrayList<>();
        int classes = 0;
        for (Path file : testSources()) {
            String text = Files.readString(file);
            if (text.contains("@Test") || text.contains("@ParameterizedTest")) {
                classes++;
                if (!text.contains("@Timeout(")) {
                    unbounded.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(classes).as("test classes found in the modules").isGreaterThan(100);
        assertThat(unbounded).as("test classes without @Timeout").isEmpty();
    }
}
