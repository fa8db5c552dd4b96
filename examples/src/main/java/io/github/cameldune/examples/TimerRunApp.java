package io.github.cameldune.examples;

/**
 * The README's main example: timer → {@code dune:run} → rows on screen and a CSV file.
 * {@code mvn -B -ntp -Prun-example -DskipTests -pl examples -am verify} runs it against the embedded emulator.
 */
public final class TimerRunApp {

    private TimerRunApp() {}

    /** Runs the example until its one message is done. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new TimerRunRoutes(), "timer-run.properties", args);
    }
}
