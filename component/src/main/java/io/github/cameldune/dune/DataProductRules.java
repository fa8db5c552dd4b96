package io.github.cameldune.dune;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * Dune's rules for materialized views, their schedules and the discovery inputs, checked before anything is sent (on
 * the options when an endpoint starts, on headers per message), each failure naming where the value came from.
 */
public final class DataProductRules {

    /** Dune's rule for a view's bare name, as its server's validator has it. */
    public static final Pattern VIEW_NAME = Pattern.compile("result_([a-z0-9_]*[a-z0-9]+)?");

    /** A view's full name: {@code dune.<owner>.result_<name>}, the owner maybe double-quoted. */
    private static final Pattern FULL_NAME = Pattern.compile("dune\\.(\"[^\"]+\"|[A-Za-z0-9_]+)\\.(result_[a-z0-9_]*)");

    private static final Pattern EVM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{2,}");
    private static final Pattern TRON_ADDRESS = Pattern.compile("T[1-9A-HJ-NP-Za-km-z]{33}");
    private static final String[] CRON_FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] CRON_RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private DataProductRules() {}

    /** The bare name of a view given by its bare or full name, for an upsert. */
    public static String bareViewName(String source, String name) {
        String bare = name;
        var full = FULL_NAME.matcher(name.trim());
        if (full.matches()) {
            bare = full.group(2);
        }
        if (bare.length() < 8 || bare.length() > 128 || !VIEW_NAME.matcher(bare).matches()) {
            throw OptionChecks.invalid(
                    source,
                    name,
                    "a materialized view's name: result_ then lowercase letters, digits and underscores, 8 to 128 "
                            + "characters, not ending with an underscore (or its full name dune.OWNER.result_NAME)");
        }
        return bare;
    }

    /** A view's full name, for the calls that take it in their path. */
    public static String fullViewName(String source, String name) {
        var full = FULL_NAME.matcher(name.trim());
        if (!full.matches()) {
            throw OptionChecks.invalid(
                    source,
                    name,
                    "a materialized view's full name, dune.OWNER.result_NAME, as upsertMaterializedView answers it");
        }
        bareViewName(source, full.group(2));
        return name.trim();
    }

    /**
     * A refresh schedule: five cron fields within their ranges, firing at most every 15 minutes. Dune also refuses a
     * schedule that fires less than weekly; that needs the calendar and is left to Dune, which refuses it with a 400
     * before anything runs.
     */
    public static String cronExpression(String source, String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 5) {
            throw OptionChecks.invalid(
                    source, expression, "five cron fields (minute hour day-of-month month day-of-week)");
        }
        BitSet minutes = field(source, expression, 0, fields[0]);
        BitSet hours = field(source, expression, 1, fields[1]);
        for (int i = 2; i < 5; i++) {
            field(source, expression, i, fields[i]);
        }
        // the shortest gap between firings within an hour, and across the hour when it fires every hour
        int shortest = Integer.MAX_VALUE;
        int first = minutes.nextSetBit(0);
        int previous = -1;
        for (int m = first; m >= 0; m = minutes.nextSetBit(m + 1)) {
            if (previous >= 0) {
                shortest = Math.min(shortest, m - previous);
            }
            previous = m;
        }
        if (hours.cardinality() == 24 || consecutiveHours(hours)) {
            shortest = Math.min(shortest, 60 - previous + first);
        }
        if (shortest < 15) {
            throw OptionChecks.invalid(
                    source,
                    expression,
                    "a schedule at least 15 minutes apart (it fires " + shortest + " minutes apart)");
        }
        return expression.trim();
    }

    private static boolean consecutiveHours(BitSet hours) {
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
            if (hours.get((h + 1) % 24)) {
                return true;
            }
        }
        return false;
    }

    private static BitSet field(String source, String expression, int index, String text) {
        int min = CRON_RANGES[index][0];
        int max = CRON_RANGES[index][1];
        BitSet set = new BitSet();
        for (String item : text.split(",", -1)) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw cronField(source, expression, index, item, min, max);
            }
            int step = stepped.length == 2 ? number(source, expression, index, stepped[1], 1, max) : 1;
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = min;
                to = max;
            } else if (stepped[0].contains("-")) {
                String[] ends = stepped[0].split("-", -1);
                if (ends.length != 2) {
                    throw cronField(source, expression, index, item, min, max);
                }
                from = number(source, expression, index, ends[0], min, max);
                to = number(source, expression, index, ends[1], min, max);
            } else {
                from = number(source, expression, index, stepped[0], min, max);
                to = stepped.length == 2 ? max : from;
            }
            if (from > to) {
                throw cronField(source, expression, index, item, min, max);
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String source, String expression, int index, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw cronField(source, expression, index, text, min, max);
    }

    private static DuneInvalidInputException cronField(
            String source, String expression, int index, String text, int min, int max) {
        return OptionChecks.invalid(
                source,
                expression,
                "cron fields of numbers, *, ranges, lists and steps: the " + CRON_FIELDS[index] + " field has '" + text
                        + "', not within " + min + "-" + max);
    }

    /** When a schedule stops: an RFC 3339 time. */
    public static String expiresAt(String source, String text) {
        try {
            OffsetDateTime.parse(text.trim());
            return text.trim();
        } catch (DateTimeParseException e) {
            throw OptionChecks.invalid(source, text, "an RFC 3339 time such as 2027-01-01T00:00:00Z");
        }
    }

    /** A contract: an EVM address (0x and hex digits) or a Tron address. */
    public static String contractAddress(String source, String address) {
        String a = address.trim();
        if (!EVM_ADDRESS.matcher(a).matches() && !TRON_ADDRESS.matcher(a).matches()) {
            throw OptionChecks.invalid(source, address, "a contract address: 0x and hex digits, or a Tron address");
        }
        return a;
    }
}
