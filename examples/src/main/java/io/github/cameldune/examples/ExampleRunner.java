package io.github.cameldune.examples;

import io.github.cameldune.emulator.DuneEmulator;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * Runs an example as a Camel Main application. Unless {@code dune.emulator.enabled=false} (a system property, or the
 * {@code DUNE_EMULATOR_ENABLED} environment variable), it first starts the Dune emulator in-process and points the
 * {@code dune} component at it; otherwise the routes talk to the real Dune API with the key in {@code DUNE_API_KEY}.
 */
public final class ExampleRunner {

    private ExampleRunner() {}

    /** Whether the example runs against the embedded emulator (the default). */
    public static boolean emulatorEnabled() {
        String value = System.getProperty("dune.emulator.enabled", System.getenv("DUNE_EMULATOR_ENABLED"));
        return value == null || !value.trim().equalsIgnoreCase("false");
    }

    /**
     * A Camel Main for an example: its routes (null when its properties file includes route files), its properties
     * file, and the emulator's URL and key when the emulator is given.
     */
    public static Main create(RoutesBuilder routes, String propertiesFile, DuneEmulator emulator) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:" + propertiesFile);
        if (routes != null) {
            main.configure().addRoutesBuilder(routes);
        }
        if (emulator != null) {
            main.addOverrideProperty("camel.component.dune.base-url", emulator.baseUrl());
            // a placeholder, as the properties files have it: Camel warns of a key given as plain text
            main.addOverrideProperty("dune.emulator.api-key", emulator.apiKey());
            main.addOverrideProperty("camel.component.dune.api-key", "{{dune.emulator.api-key}}");
        }
        return main;
    }

    /** Runs an example until its routes are done, with the embedded emulator unless it is switched off. */
    public static void run(RoutesBuilder routes, String propertiesFile, String[] args) throws Exception {
        run(routes, propertiesFile, args, emulator -> {});
    }

    /** The same, with what the example needs added to the emulator before its routes start (a saved query). */
    public static void run(
            RoutesBuilder routes,
            String propertiesFile,
            String[] args,
            java.util.function.Consumer<DuneEmulator> prepare)
            throws Exception {
        if (!emulatorEnabled()) {
            create(routes, propertiesFile, null).run(args);
            return;
        }
        try (DuneEmulator emulator = DuneEmulator.builder().build().start()) {
            prepare.accept(emulator);
            System.out.println("Dune emulator started at " + emulator.baseUrl()
                    + " (run with -Ddune.emulator.enabled=false and DUNE_API_KEY set to use the real Dune API)");
            create(routes, propertiesFile, emulator).run(args);
        }
    }
}
