package io.github.cameldune.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator in a JVM of its own, for measurements of a client alone (its memory, its threads, its CPU): started
 * from this JVM's class path with {@link DuneEmulatorMain}, given its own JVM options (heap) and emulator options.
 *
 * <pre>
 * try (DuneEmulatorProcess dune = DuneEmulatorProcess.start(List.of("-Xmx1g"), "--max-concurrent", "100")) {
 *     String baseUrl = dune.baseUrl();
 * }
 * </pre>
 */
public final class DuneEmulatorProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("dune-emulator listening on (http://\\S+/api)");

    private final Process process;
    private final String baseUrl;

    private DuneEmulatorProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /**
     * Starts the emulator on a free loopback port with the default key, and waits until it listens.
     *
     * @param jvmOptions options of its JVM, e.g. {@code -Xmx1g}
     * @param options    {@link DuneEmulatorMain} options, e.g. {@code --max-concurrent 100}
     */
    public static DuneEmulatorProcess start(List<String> jvmOptions, String... options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-cp", System.getProperty("java.class.path"), DuneEmulatorMain.class.getName(), "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        if (!m.find()) {
            process.destroyForcibly();
            throw new IllegalStateException("the emulator did not start: " + first);
        }
        // keep draining its output so it never blocks on a full pipe
        Thread drain = new Thread(() -> out.lines().forEach(line -> {}), "dune-emulator-process-output");
        drain.setDaemon(true);
        drain.start();
        return new DuneEmulatorProcess(process, m.group(1));
    }

    /** The base URL to configure clients with, e.g. {@code http://127.0.0.1:40123/api}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Its {@code GET /emulator/stats}: the handle, executions created, requests per endpoint. */
    public com.fasterxml.jackson.databind.JsonNode stats() throws IOException, InterruptedException {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(baseUrl.replaceFirst("/api$", "") + "/emulator/stats"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
    }

    /** The process id, e.g. to read its resource use. */
    public long pid() {
        return process.pid();
    }

    /** Kills the process at once (SIGKILL): no answer in progress is finished, nothing is cleaned up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 seconds). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
