package io.github.cameldune.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.engine.Execution;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica JVMs run {@code from("dune:run?delay=2000")} under Camel's ClusteredRoutePolicy with the file-lock
 * cluster service, for 30 s; the leader is killed (SIGKILL) once. The emulator sees executions that never overlap, at
 * most one per period plus one for the fail-over, and a new leader runs on.
 */
class LeaderElectionTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static final Duration RUN = Duration.ofSeconds(30);
    private static final Duration PERIOD = Duration.ofSeconds(2);

    private final Map<String, Process> replicas = new ConcurrentHashMap<>();
    /** Each line "replica N ran ID" the replicas printed, in order. */
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @Test
    void oneReplicaRunsAtATimeAndAnotherTakesOverWhenTheLeaderIsKilled(@TempDir Path locks) throws Exception {
        long start = System.nanoTime();
        try {
            for (int r = 1; r <= 3; r++) {
                start("r" + r, locks);
            }
            sleepUntil(start, Duration.ofSeconds(10));
            String leader = lastRunner();
            assertThat(leader).as("a leader ran the query").isNotNull();
            replicas.get(leader).destroyForcibly().waitFor();
            sleepUntil(start, RUN);
            assertThat(lastRunner()).as("another replica took over").isNotEqualTo(leader);
        } finally {
            replicas.values().forEach(Process::destroyForcibly);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        List<Execution.Snapshot> executions = new ArrayList<>();
        for (Execution e : DUNE.emulator().engine().executions()) {
            executions.add(e.snapshot());
        }
        executions.sort(Comparator.comparing(Execution.Snapshot::submittedAt));
        for (int i = 1; i < executions.size(); i++) {
            Execution.Snapshot before = executions.get(i - 1);
            assertThat(before.endedAt()).as("execution %d ended", i - 1).isNotNull();
            assertThat(executions.get(i).submittedAt())
                    .as("execution %d starts after the one before ended", i)
                    .isAfterOrEqualTo(before.endedAt());
        }
        Duration longestGap = Duration.ZERO;
        for (int i = 1; i < executions.size(); i++) {
            Duration gap = Duration.between(
                    executions.get(i - 1).submittedAt(), executions.get(i).submittedAt());
            longestGap = gap.compareTo(longestGap) > 0 ? gap : longestGap;
        }
        // the take-over: the lock is free when the leader dies, the next replica takes it within a few hundred ms
        assertThat(longestGap).as("longest time without an execution").isLessThan(PERIOD.multipliedBy(2));
        long periods = elapsed.toMillis() / PERIOD.toMillis();
        System.out.printf(
                "%d executions in %d s by %d replicas (periods: %d), the leader killed once; longest gap %d ms;"
                        + " runs: %s%n",
                executions.size(), elapsed.toSeconds(), 3, periods, longestGap.toMillis(), ran);
        // one a period, plus one when the new leader starts its own; a few periods lost to the start and the take-over
        assertThat((long) executions.size()).isBetween(periods - 4, periods + 1);
    }

    private void start(String name, Path locks) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx128m",
                        "-cp",
                        classPath,
                        ReplicaMain.class.getName(),
                        DUNE.emulator().baseUrl(),
                        DUNE.emulator().apiKey(),
                        locks.toString(),
                        name)
                .redirectErrorStream(true)
                .start();
        replicas.put(name, process);
        Thread reader = new Thread(() -> {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    int at = line.indexOf("replica " + name + " ran ");
                    if (at >= 0) {
                        ran.add(line.substring(at));
                    }
                }
            } catch (java.io.IOException ended) {
                // the replica was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private String lastRunner() {
        return ran.isEmpty() ? null : ran.get(ran.size() - 1).split(" ")[1];
    }

    private static void sleepUntil(long start, Duration at) throws InterruptedException {
        long left = start + at.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }
}
