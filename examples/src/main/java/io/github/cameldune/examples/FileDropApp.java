package io.github.cameldune.examples;

/**
 * Drop JSON files of query parameters into a folder, get one CSV result per file. Runs until stopped (Ctrl+C);
 * the folder is {@code target/file-drop} unless {@code -Dexample.dir=...}.
 */
public final class FileDropApp {

    private FileDropApp() {}

    /** Runs the example until it is stopped. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new FileDropRoutes(), "file-drop.properties", args);
    }
}
