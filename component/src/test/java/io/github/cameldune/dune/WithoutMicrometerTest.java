package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.SampleQuery;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Micrometer is an optional dependency: on a class path without it, the component starts, runs a query and counts
 * its figures all the same.
 */
@Timeout(120)
class WithoutMicrometerTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void aRunCompletesAndIsCountedWithoutMicrometerOnTheClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        // surefire puts the test class path here when it starts the JVM with a manifest-only jar
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.contains("micrometer")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader isolated =
                new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(isolated.getResource("io/micrometer/core/instrument/MeterRegistry.class"))
                    .isNull();
            java.lang.reflect.Method runOnce = isolated.loadClass(WithoutMicrometerTest.class.getName())
                    .getMethod("runOnce", String.class, String.class);
            runOnce.setAccessible(true);
            // Camel finds its services through the context class loader
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(isolated);
            Object executions;
            try {
                executions = runOnce.invoke(
                        null, DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            assertThat(executions).isEqualTo(1L);
        }
    }

    /** Runs query 1001 once in a new context and returns the executions the component counted as completed. */
    public static long runOnce(String baseUrl, String apiKey) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            DuneComponent dune = new DuneComponent();
            dune.getConfiguration().setBaseUrl(baseUrl);
            dune.getConfiguration().setApiKey(apiKey);
            context.addComponent("dune", dune);
            context.start();
            Object rows = context.createProducerTemplate()
                    .requestBody(
                            "dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                                    + "&pollInitialDelay=20ms&pollInterval=20ms",
                            (Object) null);
            if (!(rows instanceof List<?> list) || list.isEmpty()) {
                throw new AssertionError("no rows: " + rows);
            }
            return dune.getExecutionsCompleted();
        }
    }
}
