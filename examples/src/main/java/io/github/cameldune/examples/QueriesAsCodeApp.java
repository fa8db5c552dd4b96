package io.github.cameldune.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Queries as code: deploys a folder of {@code .sql} files as saved queries, then runs them. With the embedded
 * emulator (a new account each run) it deploys a fresh copy of the bundled folder into {@code target/queries-as-code};
 * against Dune, point {@code -Dexample.queries-dir=...} at your own folder, where the mapping file is kept.
 */
public final class QueriesAsCodeApp {

    /** The bundled example queries, under {@code queries-as-code/} on the classpath. */
    static final List<String> BUNDLED = List.of("busiest-blocks.sql", "token-volume.sql");

    private QueriesAsCodeApp() {}

    /** Deploys and runs the folder once. */
    public static void main(String[] args) throws Exception {
        if (ExampleRunner.emulatorEnabled()) {
            copyBundled(Path.of(System.getProperty("example.queries-dir", "target/queries-as-code")));
        }
        ExampleRunner.run(new QueriesAsCodeRoutes(), "queries-as-code.properties", args);
    }

    /** A fresh copy of the bundled queries, without a mapping: the emulator's account starts empty. */
    static void copyBundled(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(QueryFolder.MAPPING));
        for (String name : BUNDLED) {
            try (InputStream in = QueriesAsCodeApp.class.getResourceAsStream("/queries-as-code/" + name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
