package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Java values into the JSON values Dune's {@code query_parameters} take: numbers stay numbers, text stays text, a
 * collection or array becomes an array (multi-select enums), and dates and times become {@code yyyy-MM-dd HH:mm:ss}
 * (instants and zoned times in UTC).
 */
public final class QueryParameters {

    /** The most parameters one request may carry: a saved query has a handful; thousands mean a mistake. */
    public static final int MAX_PARAMETERS = 256;
    /** The longest text value of a parameter, in characters. */
    public static final int MAX_TEXT_LENGTH = 65_536;

    /** Dune's datetime parameter format. */
    public static final DateTimeFormatter DUNE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private QueryParameters() {}

    /** The parameters with every value in its JSON form, in the given order. */
    public static Map<String, Object> toJson(Map<String, ?> parameters) {
        if (parameters.size() > MAX_PARAMETERS) {
            throw new DuneInvalidInputException(
                    parameters.size() + " query parameters are too many: at most " + MAX_PARAMETERS + " are sent");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new DuneInvalidInputException("query parameter names must not be empty");
            }
            out.put(name, value(name, value));
        });
        return out;
    }

    private static Object value(String name, Object value) {
        if (value instanceof CharSequence text && text.length() > MAX_TEXT_LENGTH) {
            throw new DuneInvalidInputException("query parameter '" + name + "' is " + text.length()
                    + " characters long: at most " + MAX_TEXT_LENGTH + " are sent");
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>) {
            return value instanceof Enum<?> e ? e.name() : value.toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Date) {
            return dateTime(name, value);
        }
        if (value instanceof Collection<?> values) {
            List<Object> list = new ArrayList<>(values.size());
            for (Object v : values) {
                list.add(value(name, v));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(value(name, Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Map<?, ?>) {
            throw new DuneInvalidInputException(
                    "query parameter '" + name + "' is a map; Dune parameters are text, numbers, dates or lists");
        }
        return value.toString();
    }

    private static String dateTime(String name, Object value) {
        if (value instanceof LocalDateTime t) {
            return DUNE_DATETIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return DUNE_DATETIME.format(d.atStartOfDay());
        }
        if (value instanceof Instant i) {
            return DUNE_DATETIME.format(i.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof OffsetDateTime t) {
            return DUNE_DATETIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof ZonedDateTime t) {
            return DUNE_DATETIME.format(t.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof Date d) {
            return DUNE_DATETIME.format(d.toInstant().atOffset(ZoneOffset.UTC));
        }
        throw new DuneInvalidInputException("query parameter '" + name + "' is a "
                + value.getClass().getSimpleName() + "; use a date, a date-time or an instant");
    }
}
