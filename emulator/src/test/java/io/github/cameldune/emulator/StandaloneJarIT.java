package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs on its own: {@code java -jar dune-emulator-<version>.jar --port 0 --api-key k}. */
class StandaloneJarIT {

    private static final Pattern LISTENING = Pattern.compile("dune-emulator listening on (http://127\\.0\\.0\\.1:\\d+/api)");

    @Test
    void theJarStartsPrintsItsAddressAndAnswers(@TempDir Path queries) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar"));
        assertThat(jar).exists();
        Files.writeString(queries.resolve("answer.sql"), "-- id: 4242\n-- name: answer\nSELECT 42 AS answer");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--port", "0", "--api-key",
                "standalone-key", "--queries", queries.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();

            ApiClient api = new ApiClient(m.group(1), "standalone-key");
            String id = api.execute(4242, null);
            assertThat(api.awaitFinished(id).get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
            assertThat(api.get("/v1/execution/" + id + "/results").json().at("/result/rows/0/answer").asInt())
                    .isEqualTo(42);
            assertThat(api.execute(1002, "{}")).as("bundled queries are there too").hasSize(26);
            assertThat(new ApiClient(m.group(1), "other").post("/v1/query/4242/execute", "{}").status())
                    .isEqualTo(401);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }
}
