package io.github.cameldune.emulator.faults;

import io.github.cameldune.emulator.ApiEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** The faults in force; the protocol layer asks it before answering each authenticated request. */
public final class FaultInjector {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Adds a fault; the first fault added that matches a request answers it. */
    public FaultInjector add(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }

    /** The faults in force, in the order they are tried. */
    public List<Fault> list() {
        return List.copyOf(faults);
    }

    /** The fault that answers this request instead of the API, if any. */
    public Optional<Fault> pick(ApiEndpoint endpoint, Long queryId) {
        for (Fault f : faults) {
            if (f.matches(endpoint, queryId)
                    && (f.rate() >= 1.0 || ThreadLocalRandom.current().nextDouble() < f.rate())
                    && f.take()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
