package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query options of Dune's results endpoints. Sampling cannot be combined with paging or filters; that is checked
 * here, before a request is spent, as Dune's SDKs do.
 *
 * @param limit                          rows per page (Dune may send fewer and still give the next offset)
 * @param offset                         the first row, 0-based
 * @param columns                        comma-separated column names to return
 * @param filters                        a SQL-WHERE-like condition, e.g. {@code amount_usd > 1000 AND project = 'uniswap'}
 * @param sortBy                         a SQL-ORDER-BY-like list, e.g. {@code amount_usd desc, block_time}
 * @param sampleCount                    an approximately uniform sample of about this many rows
 * @param allowPartialResults            read a truncated ({@code COMPLETED_PARTIAL}) result
 * @param ignoreMaxDatapointsPerRequest  lift Dune's default cap of 250,000 datapoints per request
 */
public record ResultOptions(
        Integer limit,
        Long offset,
        String columns,
        String filters,
        String sortBy,
        Integer sampleCount,
        boolean allowPartialResults,
        boolean ignoreMaxDatapointsPerRequest) {

    /** No options: Dune's defaults. */
    public static final ResultOptions DEFAULT = new ResultOptions(null, null, null, null, null, null, false, false);

    /** Checks the values and their combination. */
    public ResultOptions {
        if (limit != null && limit <= 0) {
            throw new DuneInvalidInputException("limit must be a positive number of rows, was " + limit);
        }
        if (offset != null && offset < 0) {
            throw new DuneInvalidInputException("offset must not be negative, was " + offset);
        }
        if (sampleCount != null && sampleCount <= 0) {
            throw new DuneInvalidInputException("sampleCount must be positive, was " + sampleCount);
        }
        if (sampleCount != null && (limit != null || offset != null && offset > 0 || notBlank(filters))) {
            throw new DuneInvalidInputException("sampleCount cannot be combined with limit, offset or filters");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The same options at another offset (the next page). */
    public ResultOptions withOffset(long value) {
        return new ResultOptions(
                limit,
                value,
                columns,
                filters,
                sortBy,
                sampleCount,
                allowPartialResults,
                ignoreMaxDatapointsPerRequest);
    }

    /** The same options with another page size. */
    public ResultOptions withLimit(Integer value) {
        return new ResultOptions(
                value,
                offset,
                columns,
                filters,
                sortBy,
                sampleCount,
                allowPartialResults,
                ignoreMaxDatapointsPerRequest);
    }

    /** The same options, reading partial results or not. */
    public ResultOptions withAllowPartialResults(boolean value) {
        return new ResultOptions(
                limit, offset, columns, filters, sortBy, sampleCount, value, ignoreMaxDatapointsPerRequest);
    }

    /** The query-string parameters, in Dune's names. */
    List<Map.Entry<String, String>> toQuery() {
        List<Map.Entry<String, String>> q = new ArrayList<>();
        add(q, "limit", limit);
        add(q, "offset", offset);
        add(q, "columns", notBlank(columns) ? columns.replace(" ", "") : null);
        add(q, "filters", notBlank(filters) ? filters : null);
        add(q, "sort_by", notBlank(sortBy) ? sortBy : null);
        add(q, "sample_count", sampleCount);
        add(q, "allow_partial_results", allowPartialResults ? "true" : null);
        add(q, "ignore_max_datapoints_per_request", ignoreMaxDatapointsPerRequest ? "true" : null);
        return q;
    }

    private static void add(List<Map.Entry<String, String>> q, String name, Object value) {
        if (value != null) {
            q.add(Map.entry(name, value.toString()));
        }
    }
}
