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

    /**
     * The longest duration any option takes: 36500 days, about 100 years. Waits are scheduled in nanoseconds, which a
     * long counts up to about 292 years, and a few durations are added to each other (a wait and its grace).
     */
    public static final long MAX_DURATION_MILLIS = 36_500L * 86_400_000L;

    /** {@link #MAX_DURATION_MILLIS} as it is written in messages. */
    static final String MAX_DURATION = "at most 36500d (100 years)";

    private static final List<String> DURATIONS = List.of(
            "maxAge",
            "pollInitialDelay",
            "pollInterval",
            "maxPollInterval",
            "waitTimeout",
            "longWaitThreshold",
            "retryInitialDelay",
            "retryMaxDelay",
            "connectTimeout",
            "responseTimeout");
    /** The whole-number options and the largest value their type holds. */
    private static final Map<String, Long> WHOLE_NUMBERS = Map.of(
            "queryId", Long.MAX_VALUE,
            "limit", (long) Integer.MAX_VALUE,
            "offset", Long.MAX_VALUE,
            "sampleCount", (long) Integer.MAX_VALUE,
            "maxRetries", (long) Integer.MAX_VALUE,
            "maxInsertBytes", (long) Integer.MAX_VALUE);
    /** What Camel reads as a duration: milliseconds, units (1h30m, 500ms) or ISO-8601 (PT30S). */
    private static final Pattern DURATION = Pattern.compile(
            "\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m(?!s))?(\\d+s)?(\\d+ms)?|[pP][tT]?(\\d+[dDhHmMsS])+|[pP]\\d+[dD]");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};

    private OptionChecks() {}

    /**
     * Checks the text of a new endpoint's options before Camel converts them, so that a value Camel cannot convert, or
     * would convert into one that overflows, is named with what is allowed.
     *
     * @param raw the options as written on the URI (their text is what a user sees)
     */
    static void uriText(Map<String, Object> raw) {
        for (String name : DURATIONS) {
            if (raw.get(name) instanceof String text) {
                if (!DURATION.matcher(text.trim()).matches()) {
                    throw invalid(name, text, "a duration such as 500ms, 30s, 5m or 1h30m");
                }
                if (durationMillis(text.trim()) > MAX_DURATION_MILLIS) {
                    throw invalid(name, text, MAX_DURATION);
                }
            }
        }
        WHOLE_NUMBERS.forEach((name, max) -> {
            if (raw.get(name) instanceof String text) {
                String trimmed = text.trim();
                if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
                    throw invalid(name, text, "a whole number");
                }
                if (new java.math.BigInteger(trimmed).compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                    throw invalid(name, text, "at most " + max);
                }
            }
        });
    }

    /** A duration's text in milliseconds, {@link Long#MAX_VALUE} when it is more than a long holds. */
    static long durationMillis(String text) {
        try {
            if (text.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(text);
            }
            if (text.charAt(0) == 'p' || text.charAt(0) == 'P') {
                return java.time.Duration.parse(text.toUpperCase(Locale.ROOT)).toMillis();
            }
            java.util.regex.Matcher units = DURATION.matcher(text);
            units.matches();
            long millis = 0;
            for (int unit = 0; unit < UNIT_MILLIS.length; unit++) {
                String group = units.group(unit + 1);
                if (group != null) {
                    long amount = Long.parseLong(group.replaceAll("[^0-9]", ""));
                    millis = Math.addExact(millis, Math.multiplyExact(amount, UNIT_MILLIS[unit]));
                }
            }
            return millis;
        } catch (ArithmeticException | NumberFormatException | java.time.format.DateTimeParseException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    /** Fails unless a duration in milliseconds is at most {@link #MAX_DURATION_MILLIS}. */
    public static void atMostMaxDuration(String source, long millis) {
        if (millis > MAX_DURATION_MILLIS) {
            throw invalid(source, java.time.Duration.ofMillis(millis).toDays() + "d", MAX_DURATION);
        }
    }

    /** Checks the options of a new endpoint, once Camel has set them. */
    static void endpoint(DuneConfiguration c) {
        atMostMaxDuration("maxAge", c.getMaxAge());
        atMostMaxDuration("pollInitialDelay", c.getPollInitialDelay());
        atMostMaxDuration("pollInterval", c.getPollInterval());
        atMostMaxDuration("maxPollInterval", c.getMaxPollInterval());
        atMostMaxDuration("waitTimeout", c.getWaitTimeout());
        atMostMaxDuration("longWaitThreshold", c.getLongWaitThreshold());
        atMostMaxDuration("retryInitialDelay", c.getRetryInitialDelay());
        atMostMaxDuration("retryMaxDelay", c.getRetryMaxDelay());
        atMostMaxDuration("connectTimeout", c.getConnectTimeout());
        atMostMaxDuration("responseTimeout", c.getResponseTimeout());
        atLeast("longWaitThreshold", c.getLongWaitThreshold(), 0);
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
        dataProducts(c);
        if (!"csv".equals(c.getUploadFormat()) && !"ndjson".equals(c.getUploadFormat())) {
            throw invalid("uploadFormat", c.getUploadFormat(), "csv or ndjson");
        }
    }

    /** The options of materialized views and discovery, checked as the headers that override them are. */
    private static void dataProducts(DuneConfiguration c) {
        if (c.getMaterializedView() != null) {
            if (c.getOperation() == DuneOperation.upsertMaterializedView) {
                DataProductRules.bareViewName("materializedView", c.getMaterializedView());
            } else {
                DataProductRules.fullViewName("materializedView", c.getMaterializedView());
            }
        }
        if (c.getCronExpression() != null) {
            DataProductRules.cronExpression("cronExpression", c.getCronExpression());
        }
        if (c.getExpiresAt() != null) {
            DataProductRules.expiresAt("expiresAt", c.getExpiresAt());
            if (c.getCronExpression() == null) {
                throw invalid("expiresAt", c.getExpiresAt(), "a cronExpression too: it is when the schedule stops");
            }
        }
        if (c.getContractAddress() != null) {
            DataProductRules.contractAddress("contractAddress", c.getContractAddress());
        }
        if (c.getOwnerScope() != null && !List.of("all", "me", "team").contains(c.getOwnerScope())) {
            throw invalid("ownerScope", c.getOwnerScope(), "all, me or team");
        }
        if (c.getOperation() == DuneOperation.listDatasets && c.getLimit() != null && c.getLimit() > 250) {
            throw invalid("limit", c.getLimit(), "at most 250 with listDatasets (Dune's largest page)");
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
        atMostMaxDuration("creditBudgetWindow", c.getCreditBudgetWindow());
        atMostMaxDuration("creditReconcileInterval", c.getCreditReconcileInterval());
        atMostMaxDuration("creditSettleInterval", c.getCreditSettleInterval());
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

    /** The error for a value that is not allowed: {@code Invalid <option> '<value>': expected <allowed>}. */
    static DuneInvalidInputException invalid(String option, Object value, String allowed) {
        return new DuneInvalidInputException(
                "Invalid " + option + " '" + abbreviate(String.valueOf(value)) + "': expected " + allowed);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
