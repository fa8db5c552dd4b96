package io.github.cameldune.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replica JVMs of {@link ReplicaMain}, each a separate process on the test's class path, which a test can kill with
 * SIGKILL; what they did is read from their output ({@code replica <name> <verb> <execution id>}).
 */
final class Replicas implements AutoCloseable {

    /** One thing a replica did: its name, what (ran, emitted) and the execution. */
    record Did(String replica, String verb, String executionId) {}

    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final List<Did> done = new CopyOnWriteArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    /** Starts a replica with these arguments after its name (see {@link ReplicaMain}). */
    void start(String name, String baseUrl, String apiKey, Path locks, String... more) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx128m",
                "-cp",
                classPath,
                ReplicaMain.class.getName(),
                baseUrl,
                apiKey,
                locks.toString(),
                name));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.put(name, process);
        Thread reader = new Thread(() -> {
            String mark = "replica " + name + " ";
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(name + " | " + line);
                    int at = line.indexOf(mark);
                    if (at >= 0) {
                        String[] words = line.substring(at).split(" ");
                        done.add(new Did(name, words[2], words[3]));
                    }
                }
            } catch (java.io.IOException killed) {
                // its output ended with it
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts replicas r1 to r{@code count}, each with these arguments after its name. */
    void startAll(int count, String baseUrl, String apiKey, Path locks, String... more) throws Exception {
        for (int r = 1; r <= count; r++) {
            start("r" + r, baseUrl, apiKey, locks, more);
        }
    }

    /** Kills a replica as a crash would: SIGKILL, no shutdown. */
    void kill(String name) throws InterruptedException {
        processes.get(name).destroyForcibly().waitFor();
    }

    /** Whether a replica's JVM is running. */
    boolean alive(String name) {
        return processes.get(name).isAlive();
    }

    /** Everything the replicas did so far, in order. */
    List<Did> done() {
        return List.copyOf(done);
    }

    /** The replica that did something last, or null. */
    String last() {
        List<Did> all = done();
        return all.isEmpty() ? null : all.get(all.size() - 1).replica();
    }

    /** The replicas' output, each line after its replica's name: for the message of a failed assertion. */
    String output() {
        List<String> lines = List.copyOf(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
    }
}
