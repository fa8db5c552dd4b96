package io.github.cameldune.emulator;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs an emulator in a JVM of its own for a test class (started before the first test, stopped after the last), so
 * that what a test measures of its own JVM (heap, threads) is the client's alone:
 *
 * <pre>
 * &#64;RegisterExtension
 * static DuneEmulatorProcessExtension dune = new DuneEmulatorProcessExtension(List.of("-Xmx1g"), "--api-key", "k");
 * </pre>
 */
public final class DuneEmulatorProcessExtension implements BeforeAllCallback, AfterAllCallback {

    private final List<String> jvmOptions;
    private final String[] options;
    private DuneEmulatorProcess process;

    /**
     * @param jvmOptions options of the emulator's JVM, e.g. {@code -Xmx1g}
     * @param options    {@link DuneEmulatorMain} options, e.g. {@code --api-key k}
     */
    public DuneEmulatorProcessExtension(List<String> jvmOptions, String... options) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.options = options.clone();
    }

    /** The running emulator. */
    public DuneEmulatorProcess process() {
        if (process == null) {
            throw new IllegalStateException("the emulator starts before the first test of the class");
        }
        return process;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = DuneEmulatorProcess.start(jvmOptions, options);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
