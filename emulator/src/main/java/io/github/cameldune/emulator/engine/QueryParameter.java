package io.github.cameldune.emulator.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A parameter of a saved query, as declared in its file: {@code -- param: name type = default}.
 * It checks a value sent by a client and renders it as SQL text for Dune's textual {@code {{name}}} substitution.
 */
public record QueryParameter(String name, Type type, String defaultValue, List<String> options) {

    /** Dune's four parameter types. */
    public enum Type {
        TEXT,
        NUMBER,
        DATETIME,
        ENUM
    }

    private static final DateTimeFormatter DUNE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Turns a value sent by a client (a JSON string, number or array) into the text spliced into the SQL.
     *
     * @throws InvalidRequestException when the value does not fit the type
     */
    public String render(Object value) {
        if (value instanceof Collection<?> values) {
            if (type != Type.ENUM) {
                throw invalid(value, "a list is only accepted for an enum (multi-select) parameter");
            }
            List<String> rendered = new ArrayList<>();
            for (Object v : values) {
                rendered.add(render(v));
            }
            return String.join(",", rendered);
        }
        if (value == null || value instanceof java.util.Map) {
            throw invalid(value, "expected a string or a number");
        }
        String text = String.valueOf(value).trim();
        switch (type) {
            case NUMBER:
                try {
                    return new BigDecimal(text).toPlainString();
                } catch (NumberFormatException e) {
                    throw invalid(value, "expected a number");
                }
            case DATETIME:
                return DUNE_DATETIME.format(parseDateTime(value, text));
            case ENUM:
                if (!options.isEmpty() && !options.contains(text)) {
                    throw invalid(value, "expected one of " + options);
                }
                return text.replace("'", "''");
            default:
                // the query writes '{{name}}', so escaping quotes keeps the value a value
                return String.valueOf(value).replace("'", "''");
        }
    }

    private LocalDateTime parseDateTime(Object value, String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text.replace(' ', 'T'))
                        .atZoneSameInstant(java.time.ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw invalid(value, "expected a date and time as yyyy-MM-dd HH:mm:ss");
        }
    }

    private InvalidRequestException invalid(Object value, String why) {
        return new InvalidRequestException("invalid value for parameter " + name + " (" + value + "): " + why);
    }

    /** Parses a type name from a query file: text, number, datetime (or date), enum (or list). */
    static Type parseType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "date" -> Type.DATETIME;
            case "list" -> Type.ENUM;
            default -> Type.valueOf(lower.toUpperCase(Locale.ROOT));
        };
    }
}
