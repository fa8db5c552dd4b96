package io.github.cameldune.dune;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's packaged jar run as its own process, for tests that measure the component alone (its memory, its
 * threads). The jar is the one the emulator module built ({@code emulator.jar} system property).
 */
final class StandaloneEmulator implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("dune-emulator listening on (http://\\S+/api)");

    private final Process process;
    private final String baseUrl;

    StandaloneEmulator(String apiKey, String... options) throws IOException {
        Path jar = Path.of(System.getProperty("emulator.jar", "../emulator/target/dune-emulator.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no emulator jar at " + jar + ": build the emulator module first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--port", "0", "--api-key", apiKey));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        if (!m.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("the emulator did not start: " + first);
        }
        baseUrl = m.group(1);
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> out.lines().forEach(line -> {
        }), "standalone-emulator-output");
        drain.setDaemon(true);
        drain.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
