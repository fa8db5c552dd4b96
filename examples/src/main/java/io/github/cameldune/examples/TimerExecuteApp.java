package io.github.cameldune.examples;

/**
 * The first example: timer → {@code dune:execute} → log. {@code mvn -Prun-example -DskipTests -pl examples -am verify}
 * runs it against the embedded emulator.
 */
public final class TimerExecuteApp {

    private TimerExecuteApp() {}

    /** Runs the example until its one message is done. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new TimerExecuteRoutes(), "timer-execute.properties", args);
    }
}
