package io.github.cameldune.dune.metrics;

import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * One time series of the component's figures: a name, its tags and its running value. The component's JMX
 * attributes, its dev console and, when there is one, a Micrometer registry all read these same values.
 */
public final class Series {

    /** What the series measures. */
    public enum Kind {
        /** A running total (credits, rows, polls). */
        COUNTER,
        /** How many times something took how long in total. */
        TIMER,
        /** A value read when asked (executions waiting, budget left). */
        GAUGE
    }

    private final String name;
    private final Map<String, String> tags;
    private final Kind kind;
    private final String description;
    private final String baseUnit;
    private final DoubleAdder total = new DoubleAdder();
    private final LongAdder count = new LongAdder();
    private final DoubleSupplier gauge;

    Series(String name, Map<String, String> tags, Kind kind, String description, String baseUnit, DoubleSupplier g) {
        this.name = name;
        this.tags = Map.copyOf(tags);
        this.kind = kind;
        this.description = description;
        this.baseUnit = baseUnit;
        this.gauge = g;
    }

    void add(double amount) {
        total.add(amount);
        count.increment();
    }

    /** The meter's name, e.g. {@code dune.executions}. */
    public String name() {
        return name;
    }

    /** Its tags, e.g. {@code query=1001, outcome=completed}. */
    public Map<String, String> tags() {
        return tags;
    }

    /** What kind of meter it is. */
    public Kind kind() {
        return kind;
    }

    /** One line on what it measures. */
    public String description() {
        return description;
    }

    /** Its unit, e.g. {@code credits}, or null. */
    public String baseUnit() {
        return baseUnit;
    }

    /** A counter's total, a timer's total nanoseconds, or a gauge's value now. */
    public double value() {
        return kind == Kind.GAUGE ? gauge.getAsDouble() : total.sum();
    }

    /** How many times a timer (or counter) was recorded. */
    public long count() {
        return count.sum();
    }
}
