package io.github.cameldune.dune;

import io.github.cameldune.dune.client.InFlight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a component stops without losing work silently. Until one second before Camel's shutdown timeout a graceful
 * stop lets every wait finish; then the exchanges still waiting end typed, with their execution ids, while their routes
 * still run error handlers (a forced stop would not), and the stop completes without being forced. When the component
 * itself stops, what is left ends typed too, the cancels of cancelOnTimeout endpoints get a few seconds to go out, and
 * one WARN lists the executions left running.
 */
final class ComponentStop {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentStop.class);
    /** How long before Camel's shutdown timeout the waits still open are ended. */
    static final Duration MARGIN = Duration.ofSeconds(1);
    /** How long the cancels sent at the stop may take before the connections close. */
    private static final Duration CANCELS = Duration.ofSeconds(6);

    private final InFlight inFlight;
    private final List<String> abandoned = new ArrayList<>();
    private volatile Thread timer;

    ComponentStop(InFlight inFlight) {
        this.inFlight = inFlight;
    }

    /** Listens for the context's stop, to end open waits before its shutdown timeout. */
    void watch(CamelContext context) {
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                contextStopping(context);
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }
        });
    }

    /** The context started to stop: plans the end of what will still be open at its shutdown timeout. */
    void contextStopping(CamelContext context) {
        long timeout = context.getShutdownStrategy()
                .getTimeUnit()
                .toMillis(context.getShutdownStrategy().getTimeout());
        long at = Math.max(0, timeout - MARGIN.toMillis());
        Thread ender = new Thread(
                () -> {
                    try {
                        Thread.sleep(at);
                        endOpen();
                    } catch (InterruptedException stoppedFirst) {
                        // the component stopped before: componentStopping ended what was open
                    }
                },
                "DuneShutdown");
        ender.setDaemon(true);
        timer = ender;
        ender.start();
    }

    /** The component stops: ends what is left, lets the cancels go out, and says which executions run on. */
    void componentStopping() throws InterruptedException {
        Thread planned = timer;
        if (planned != null) {
            planned.interrupt();
            timer = null;
        }
        endOpen();
        if (!inFlight.awaitNone(CANCELS)) {
            inFlight.endAll();
        }
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(abandoned);
            abandoned.clear();
        }
        if (!ids.isEmpty()) {
            LOG.warn(
                    "camel-dune stopped while waiting for {} executions; they may still be running on Dune (endpoints "
                            + "with cancelOnTimeout=true sent a cancel): {}",
                    ids.size(),
                    ids.size() > 100
                            ? String.join(", ", ids.subList(0, 100)) + ", and " + (ids.size() - 100) + " more"
                            : String.join(", ", ids));
        }
    }

    private synchronized void endOpen() {
        abandoned.addAll(inFlight.endAll());
    }
}
