package io.github.cameldune.dune.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a component's {@link DuneMetrics} in a Micrometer {@link MeterRegistry}: each series becomes a function
 * meter that reads the same running value, so nothing is counted twice. The only class that needs Micrometer, which is
 * an optional dependency: without it on the class path, or without a registry in the Camel registry, nothing is bound.
 */
public final class MicrometerBinding implements Consumer<Series> {

    private static final Logger LOG = LoggerFactory.getLogger(MicrometerBinding.class);

    private final MeterRegistry registry;

    private MicrometerBinding(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Binds the figures to the {@code MeterRegistry} of the Camel registry, when Micrometer is on the class path and
     * there is one (with several, their composite, as Spring Boot makes, else the one named {@code meterRegistry}).
     */
    public static void bindIfPresent(CamelContext context, DuneMetrics metrics) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, DuneMetrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError noMicrometer) {
            return;
        }
        MeterRegistry registry = find(context);
        if (registry != null) {
            metrics.bind(new MicrometerBinding(registry));
            LOG.debug("camel-dune meters bound to {}", registry.getClass().getSimpleName());
        }
    }

    private static MeterRegistry find(CamelContext context) {
        var all = context.getRegistry().findByTypeWithName(MeterRegistry.class);
        if (all.size() == 1) {
            return all.values().iterator().next();
        }
        // Spring Boot with several registries adds a composite of them all
        for (MeterRegistry registry : all.values()) {
            if (registry instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry) {
                return registry;
            }
        }
        return all.get("meterRegistry");
    }

    @Override
    public void accept(Series s) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> tag : s.tags().entrySet()) {
            tags = tags.and(tag.getKey(), tag.getValue());
        }
        switch (s.kind()) {
            case COUNTER ->
                FunctionCounter.builder(s.name(), s, Series::value)
                        .tags(tags)
                        .description(s.description())
                        .baseUnit(s.baseUnit())
                        .register(registry);
            case TIMER ->
                FunctionTimer.builder(s.name(), s, Series::count, Series::value, TimeUnit.NANOSECONDS)
                        .tags(tags)
                        .description(s.description())
                        .register(registry);
            case GAUGE ->
                Gauge.builder(s.name(), s, Series::value)
                        .tags(tags)
                        .description(s.description())
                        .baseUnit(s.baseUnit())
                        .register(registry);
        }
    }
}
