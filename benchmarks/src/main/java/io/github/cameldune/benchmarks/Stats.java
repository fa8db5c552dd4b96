package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/** Median and spread of repeated measurements: benchmarks report these, never a single run. */
record Stats(String unit, double median, double min, double max, double p90, int n) {

    static Stats of(String unit, List<? extends Number> samples) {
        return of(unit, samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static Stats of(String unit, double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(unit, median, sorted[0], sorted[n - 1], sorted[(int) Math.ceil(0.9 * n) - 1], n);
    }

    /** Adds itself to a result's figures under a name. */
    void into(ObjectNode result, String name) {
        put((ObjectNode) result.get("figures"), name);
    }

    /** Adds itself to any object under a name. */
    void put(ObjectNode object, String name) {
        object.putObject(name)
                .put("unit", unit)
                .put("median", round(median))
                .put("min", round(min))
                .put("max", round(max))
                .put("p90", round(p90))
                .put("n", n);
    }

    static double round(double v) {
        return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000.0;
    }
}
