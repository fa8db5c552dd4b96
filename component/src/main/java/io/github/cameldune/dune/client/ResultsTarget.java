package io.github.cameldune.dune.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whose results to read: one execution's ({@code /v1/execution/{id}/results}), or the latest of a saved query for some
 * parameter values ({@code /v1/query/{id}/results?params.name=value}).
 *
 * @param executionId the execution, or null for the latest result of a query
 * @param queryId     the saved query of the latest result, or null
 * @param parameters  the parameter values the latest result must have run with
 */
public record ResultsTarget(String executionId, Long queryId, Map<String, ?> parameters) {

    /** The results of one execution. */
    public static ResultsTarget execution(String executionId) {
        return new ResultsTarget(executionId, null, Map.of());
    }

    /** The latest result of a saved query for these parameter values (all values when empty). */
    public static ResultsTarget latest(long queryId, Map<String, ?> parameters) {
        return new ResultsTarget(null, queryId, parameters);
    }

    /** The path below the base URL, one segment each (each is encoded, so an id cannot change the path). */
    List<String> path(boolean csv) {
        List<String> path = new ArrayList<>(
                executionId != null
                        ? List.of("v1", "execution", executionId, "results")
                        : List.of("v1", "query", String.valueOf(queryId), "results"));
        if (csv) {
            path.add("csv");
        }
        return path;
    }

    /** The API call reading this target's results. */
    DuneCall call(boolean csv) {
        if (executionId != null) {
            return csv ? DuneCall.RESULTS_CSV : DuneCall.RESULTS;
        }
        return csv ? DuneCall.LATEST_RESULTS_CSV : DuneCall.LATEST_RESULTS;
    }

    /** {@code params.<name>=<value>}, a list repeating its key, values in Dune's text forms. */
    List<Map.Entry<String, String>> parameterQuery() {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        QueryParameters.toJson(parameters).forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                values.forEach(v -> q.add(Map.entry("params." + name, text(v))));
            } else {
                q.add(Map.entry("params." + name, text(value)));
            }
        });
        return q;
    }

    private static String text(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
