package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneUploads;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an endpoint's options when it is created, before any route runs, so a mistake fails the start instead of
 * billing an execution per message. Each error names the option, the value given and what is allowed. The same checks
 * serve values that arrive in headers at run time.
 */
public final class OptionChecks {

    /** Dune's performance tiers. */
    public static final Set<String> PERFORMANCE_TIERS = Set.of("small", "medium", "large");

    /** Crockford's base 32, the alphabet of a ULID: digits and letters but I, L, O and U, in either case. */
    private static final String ULID_LETTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghjkmnpqrstvwxyz";

    private static final List<String> DURATIONS = List.of(
            "maxAge",
            "pollInitialDelay",
            "pollInterval",
            "maxPollInterval",
            "waitTimeout",
            "retryInitialDelay",
            "retryMaxDelay",
            "connectTimeout",
            "responseTimeout");
    private static final List<String> WHOLE_NUMBERS =
            List.of("queryId", "limit", "offset", "sampleCount", "maxRetries");
    /** What Camel reads as a duration: milliseconds, units (1h30m, 500ms) or ISO-8601 (PT30S). */
    private static final Pattern DURATION = Pattern.compile(
            "\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?|[pP][tT]?(\\d+[dDhHmMsS])+|[pP]\\d+[dD]");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");

    private OptionChecks() {}

    /**
     * Checks the options of a new endpoint.
     *
     * @param raw the options as written on the URI, before Camel converted them (their text is what a user sees)
     */
    static void endpoint(DuneConfiguration c, Map<String, Object> raw) {
        for (String name : DURATIONS) {
            text(raw, name, DURATION, "a duration such as 500ms, 30s, 5m or 1h30m");
        }
        for (String name : WHOLE_NUMBERS) {
            text(raw, name, WHOLE_NUMBER, "a whole number");
        }
        if (c.getQueryId() != null) {
            atLeast("queryId", c.getQueryId(), 1);
        }
        performance("performance", c.getPerformance());
        if (c.getExecutionId() != null) {
            executionId("executionId", c.getExecutionId());
        }
        atLeast("pollInterval", c.getPollInterval(), 1);
        atLeast("pollInitialDelay", c.getPollInitialDelay(), 0);
        atLeast("waitTimeout", c.getWaitTimeout(), 1);
        atLeast("connectTimeout", c.getConnectTimeout(), 1);
        atLeast("responseTimeout", c.getResponseTimeout(), 1);
        atLeast("retryInitialDelay", c.getRetryInitialDelay(), 0);
        atLeast("maxRetries", c.getMaxRetries(), 0);
        atLeast("maxAge", c.getMaxAge(), 0);
        if (c.getMaxPollInterval() < c.getPollInterval()) {
            throw invalid(
                    "maxPollInterval",
                    c.getMaxPollInterval() + " ms",
                    "at least pollInterval (" + c.getPollInterval() + " ms)");
        }
        if (c.getRetryMaxDelay() < c.getRetryInitialDelay()) {
            throw invalid(
                    "retryMaxDelay",
                    c.getRetryMaxDelay() + " ms",
                    "at least retryInitialDelay (" + c.getRetryInitialDelay() + " ms)");
        }
        if (c.getLimit() != null) {
            atLeast("limit", c.getLimit(), 1);
        }
        if (c.getOffset() != null) {
            atLeast("offset", c.getOffset(), 0);
        }
        if (c.getSampleCount() != null) {
            atLeast("sampleCount", c.getSampleCount(), 1);
            if (c.getLimit() != null || c.getOffset() != null || c.getFilters() != null) {
                throw invalid("sampleCount", c.getSampleCount(), "not together with limit, offset or filters");
            }
        }
        date("startDate", c.getStartDate());
        date("endDate", c.getEndDate());
        if (c.getStartDate() != null && c.getEndDate() != null && c.getEndDate().compareTo(c.getStartDate()) < 0) {
            throw invalid("endDate", c.getEndDate(), "a day not before startDate (" + c.getStartDate() + ")");
        }
        baseUrl(c.getBaseUrl(), c.isAllowInsecureHttp());
        if (c.getSchema() != null) {
            io.github.cameldune.dune.model.TableColumn.parseSchema("schema", c.getSchema());
        }
        if (c.getTableName() != null
                && !DuneUploads.TABLE_NAME.matcher(c.getTableName()).matches()) {
            throw invalid("tableName", c.getTableName(), DuneUploads.TABLE_NAME_RULE);
        }
        atLeast("maxInsertBytes", c.getMaxInsertBytes(), 1024);
        if (!"csv".equals(c.getUploadFormat()) && !"ndjson".equals(c.getUploadFormat())) {
            throw invalid("uploadFormat", c.getUploadFormat(), "csv or ndjson");
        }
    }

    /** The journal's options: a requestKey that is a valid Simple expression, and nothing that needs a journal without one. */
    static void journal(DuneConfiguration c, org.apache.camel.CamelContext context) {
        if (c.getJournal() == null) {
            if (c.getRequestKey() != null) {
                throw invalid("requestKey", c.getRequestKey(), "no requestKey without a journal to record it in");
            }
            if (c.isExecuteUncertain()) {
                throw invalid("executeUncertain", true, "no executeUncertain without a journal");
            }
            return;
        }
        if (c.getRequestKey() != null) {
            try {
                context.resolveLanguage("simple").createExpression(c.getRequestKey());
            } catch (RuntimeException e) {
                throw new DuneInvalidInputException(
                        "Invalid requestKey '" + abbreviate(c.getRequestKey()) + "': expected a Simple expression such "
                                + "as ${header.orderId} (" + e.getMessage() + ")",
                        e);
            }
        }
    }

    private static void date(String option, String value) {
        if (value != null) {
            try {
                java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid(option, value, "a day as YYYY-MM-DD");
            }
        }
    }

    /** Checks the component's own options. */
    static void component(DuneComponent c) {
        atLeast("workerPoolSize", c.getWorkerPoolSize(), 1);
        atLeast("maxAnswerSize", c.getMaxAnswerSize(), 1024);
        atLeast("rateLimitWrite", c.getRateLimitWrite(), 0);
        atLeast("rateLimitRead", c.getRateLimitRead(), 0);
        atLeast("maxRequestsInFlight", c.getMaxRequestsInFlight(), 0);
        notNegative("creditBudget", c.getCreditBudget(), "zero (no budget) or more");
        notNegative("exportCreditsPerMb", c.getExportCreditsPerMb(), "zero or more");
        atLeast("creditBudgetWindow", c.getCreditBudgetWindow(), 1);
        atLeast("creditReconcileInterval", c.getCreditReconcileInterval(), 0);
        atLeast("creditSettleInterval", c.getCreditSettleInterval(), 0);
        notNegative("creditEstimate", c.getCreditEstimate(), "zero (estimated from what was seen) or more");
    }

    /** A number of credits, zero or more. */
    static void notNegative(String option, double value, String allowed) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw invalid(option, value, allowed);
        }
    }

    /** A performance tier in lower case, or null for none; {@code source} names the option or header. */
    public static String performance(String source, String tier) {
        if (tier == null || tier.isBlank()) {
            return null;
        }
        String lower = tier.trim().toLowerCase(Locale.ROOT);
        if (!PERFORMANCE_TIERS.contains(lower)) {
            throw invalid(source, tier, "small, medium or large");
        }
        return lower;
    }

    /** An execution id, trimmed; {@code source} names the option, header or body. */
    public static String executionId(String source, String id) {
        String trimmed = id.trim();
        if (!isUlid(trimmed)) {
            throw new DuneInvalidInputException("'" + abbreviate(trimmed) + "' is not a Dune execution id (26 "
                    + "characters, such as 01HKZJ2683PHF9Q9PHHQ8FW4Q1); given in " + source);
        }
        return trimmed;
    }

    /** Whether the text is 26 characters of Crockford's base 32 (checked on every call, so without a regex). */
    private static boolean isUlid(String text) {
        if (text.length() != 26) {
            return false;
        }
        for (int i = 0; i < 26; i++) {
            if (ULID_LETTERS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Fails unless the value is at least {@code min}; {@code source} names the option or header. */
    public static void atLeast(String source, long value, long min) {
        if (value < min) {
            throw invalid(
                    source, value, min == 0 ? "zero or more" : min == 1 ? "a positive number" : "at least " + min);
        }
    }

    /** An absolute http(s) URL with a host, without Dune's version path, and https off this machine. */
    static void baseUrl(String baseUrl, boolean allowInsecureHttp) {
        URI base;
        try {
            base = new URI(baseUrl);
        } catch (URISyntaxException | NullPointerException e) {
            throw invalid("baseUrl", baseUrl, "an absolute URL such as https://api.dune.com/api");
        }
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
            throw invalid("baseUrl", baseUrl, "an absolute http(s) URL such as https://api.dune.com/api");
        }
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        if (path.endsWith("/v1")) {
            throw invalid(
                    "baseUrl",
                    baseUrl,
                    "the URL without /v1, such as " + baseUrl.replaceAll("/v1/*$", "")
                            + ": camel-dune adds the API version itself");
        }
        if ("http".equals(base.getScheme()) && !isLoopback(base.getHost()) && !allowInsecureHttp) {
            throw new DuneInvalidInputException("Refusing to send the Dune API key over plain HTTP to " + base.getHost()
                    + ": use https, or set allowInsecureHttp=true for a trusted proxy");
        }
    }

    /** This machine, where plain HTTP (the emulator, a local proxy) exposes nothing. */
    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    private static void text(Map<String, Object> raw, String name, Pattern form, String expected) {
        Object value = raw.get(name);
        if (value instanceof String text && !form.matcher(text.trim()).matches()) {
            throw invalid(name, text, expected);
        }
    }

    private static DuneInvalidInputException invalid(String option, Object value, String allowed) {
        return new DuneInvalidInputException(
                "Invalid " + option + " '" + abbreviate(String.valueOf(value)) + "': expected " + allowed);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
