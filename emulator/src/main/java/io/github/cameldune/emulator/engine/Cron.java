package io.github.cameldune.emulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A materialized view's schedule as Dune takes it: a five-field cron expression (minute, hour, day of month, month,
 * day of week; numbers, {@code *}, ranges, lists and steps, in UTC) whose firings are at least 15 minutes and at most a
 * week apart. The gaps are measured by walking a year of minutes, which needs no cron theory and catches every
 * expression that fires monthly, yearly or never.
 */
public final class Cron {

    /** The shortest interval Dune allows between refreshes. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(15);
    /** The longest interval Dune allows between refreshes. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(7);

    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private final String expression;
    private final BitSet[] fields = new BitSet[5];
    private final boolean dayOfMonthAny;
    private final boolean dayOfWeekAny;

    private Cron(String expression) {
        this.expression = expression;
        String[] parts = expression.trim().split("\\s+");
        if (parts.length != 5) {
            throw invalid(
                    expression,
                    "it must have 5 fields (minute hour day-of-month month day-of-week), has " + parts.length);
        }
        for (int i = 0; i < 5; i++) {
            fields[i] = parse(expression, i, parts[i]);
        }
        // Sunday is 0 or 7
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        dayOfMonthAny = parts[2].equals("*");
        dayOfWeekAny = parts[4].equals("*");
    }

    /**
     * Parses and checks an expression.
     *
     * @throws InvalidRequestException naming the expression and what is wrong with it
     */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw invalid(expression, "it is empty");
        }
        Cron cron = new Cron(expression);
        Instant from = Instant.parse("2026-01-05T00:00:00Z");
        Instant previous = null;
        Instant first = null;
        Duration shortest = null;
        Duration longest = Duration.ZERO;
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(371))); t = t.plus(Duration.ofMinutes(1))) {
            if (!cron.fires(t)) {
                continue;
            }
            if (previous != null) {
                Duration gap = Duration.between(previous, t);
                shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
            first = first == null ? t : first;
            previous = t;
        }
        if (first == null || shortest == null) {
            throw invalid(expression, "it fires less than weekly (the interval must be at most weekly)");
        }
        if (shortest.compareTo(MIN_INTERVAL) < 0) {
            throw invalid(
                    expression,
                    "it fires " + shortest.toMinutes() + " minutes apart (the interval must be at "
                            + "least 15 minutes)");
        }
        if (longest.compareTo(MAX_INTERVAL) > 0) {
            throw invalid(
                    expression,
                    "it fires " + longest.toDays() + " days apart (the interval must be at most " + "weekly)");
        }
        return cron;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** The first firing after {@code now}. */
    public Instant next(Instant now) {
        Instant t = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        // a valid expression fires at least weekly
        for (int i = 0; i <= 8 * 24 * 60; i++, t = t.plus(Duration.ofMinutes(1))) {
            if (fires(t)) {
                return t;
            }
        }
        throw new IllegalStateException("no firing within a week: " + expression);
    }

    private boolean fires(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (!fields[0].get(z.getMinute()) || !fields[1].get(z.getHour()) || !fields[3].get(z.getMonthValue())) {
            return false;
        }
        boolean dom = fields[2].get(z.getDayOfMonth());
        boolean dow = fields[4].get(z.getDayOfWeek().getValue() % 7);
        // cron's rule: with both day fields restricted, either matching is enough
        return dayOfMonthAny || dayOfWeekAny ? dom && dow : dom || dow;
    }

    private static BitSet parse(String expression, int field, String text) {
        int min = RANGES[field][0];
        int max = RANGES[field][1];
        BitSet set = new BitSet();
        for (String item : text.split(",", -1)) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(expression, field, item.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", 2);
                from = number(expression, field, ends[0], min, max);
                to = number(expression, field, ends[1], min, max);
            } else {
                from = number(expression, field, range, min, max);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw invalid(expression, "the " + FIELDS[field] + " range " + range + " is backwards");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String expression, int field, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw invalid(
                expression,
                "the " + FIELDS[field] + " field has '" + text + "', not a number from " + min + " to " + max);
    }

    private static InvalidRequestException invalid(String expression, String why) {
        return new InvalidRequestException("Invalid cron_expression '" + expression + "': " + why);
    }
}
