package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Good and bad request files: every one ends in done/ or error/, with a result or a reason. */
@Timeout(120)
class FileDropAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void everyRequestEndsDoneWithAResultOrInErrorWithTheReason(@TempDir Path dir) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Main main = ExampleRunner.create(new FileDropRoutes(), "file-drop.properties", DUNE.emulator());
        main.addOverrideProperty("example.dir", dir.toString());
        main.addOverrideProperty("example.poll-delay", "100");
        main.start();
        try {
            Files.writeString(
                    inbox.resolve("busiest.json"),
                    "{\"wallet\": \"0xe03b4de29ba24ee38cc640a73f40db50dd52f479\"," + " \"max_rows\": 5}");
            Files.writeString(inbox.resolve("everything.json"), "{}");
            Files.writeString(inbox.resolve("broken.json"), "{\"wallet\": ");
            Files.writeString(inbox.resolve("typo.json"), "{\"walet\": \"0x1\"}");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(dir.resolve("done")) + count(dir.resolve("error"), ".json") >= 4);
        } finally {
            main.stop();
        }
        assertThat(count(inbox)).as("nothing left behind").isZero();
        assertThat(names(dir.resolve("done"))).containsExactlyInAnyOrder("busiest.json", "everything.json");
        assertThat(Files.readAllLines(dir.resolve("results/busiest.csv")))
                .hasSize(6)
                .first()
                .asString()
                .startsWith("block_time,blockchain,project");
        assertThat(Files.readAllLines(dir.resolve("results/everything.csv"))).hasSize(101);
        assertThat(names(dir.resolve("error")))
                .containsExactlyInAnyOrder("broken.json", "broken.error.txt", "typo.json", "typo.error.txt");
        assertThat(Files.readString(dir.resolve("error/broken.error.txt"))).contains("not a JSON object");
        assertThat(Files.readString(dir.resolve("error/typo.error.txt"))).contains("unknown parameters (walet)");
    }

    private static long count(Path dir) throws Exception {
        return count(dir, "");
    }

    private static long count(Path dir, String suffix) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix))
                    .count();
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .toList();
        }
    }
}
