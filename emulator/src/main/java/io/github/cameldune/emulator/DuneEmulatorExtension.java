package io.github.cameldune.emulator;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an emulator for a test class: started before the first test, stopped after the last, and
 * {@linkplain DuneEmulator#reset() reset} before each test (settings, queries, faults, rate limits and counts as
 * configured). Either {@code @ExtendWith(DuneEmulatorExtension.class)} and a {@link DuneEmulator}
 * parameter, or a configured static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static DuneEmulatorExtension dune = new DuneEmulatorExtension(b -&gt; b.maxPageSize(100));
 * </pre>
 */
public final class DuneEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final Consumer<DuneEmulator.Builder> configuration;
    private DuneEmulator emulator;

    /** An emulator with the defaults. */
    public DuneEmulatorExtension() {
        this(b -> {});
    }

    /** An emulator configured by the given function. */
    public DuneEmulatorExtension(Consumer<DuneEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** The running emulator. */
    public DuneEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator starts before the first test of the class");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DuneEmulator.Builder builder = DuneEmulator.builder();
        configuration.accept(builder);
        emulator = builder.build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.stop();
            emulator = null;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        emulator().reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DuneEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
