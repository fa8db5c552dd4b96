package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A parameter of a saved query, as Dune types it in a query's {@code parameters}: what {@code createQuery} and
 * {@code updateQuery} send and {@code getQuery} reads. The value is always text on the wire, as Dune keeps it; the
 * factories write each type's value in Dune's form, and {@link #checked()} refuses what Dune would.
 *
 * @param key         its name, as in {@code {{key}}}
 * @param type        its type
 * @param value       its default value, as text
 * @param enumOptions the values an enum parameter takes (Dune requires them for an enum); null for the other types
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryParameter(
        @JsonProperty("key") String key,
        @JsonProperty("type") Type type,
        @JsonProperty("value") String value,
        @JsonProperty("enumOptions") List<String> enumOptions) {

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Dune's parameter types. */
    public enum Type {
        /** Free text. */
        TEXT,
        /** A number, its value written as text. */
        NUMBER,
        /** A moment, {@code YYYY-MM-DD HH:MM:SS}. */
        DATETIME,
        /** One of a list of options. */
        ENUM;

        /** Dune's name, e.g. {@code text}. */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type of Dune's name, in any case; an unknown one is bad input naming the valid ones. */
        @JsonCreator
        public static Type of(String name) {
            for (Type t : values()) {
                if (t.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                    return t;
                }
            }
            throw new DuneInvalidInputException(
                    "Invalid parameter type '" + name + "': expected text, number, datetime or enum");
        }
    }

    /** Normalises: no type is text, no value is empty, options only for an enum (a query read is taken as is). */
    public QueryParameter {
        type = type == null ? Type.TEXT : type;
        value = value == null ? "" : value;
        enumOptions = type == Type.ENUM && enumOptions != null ? List.copyOf(enumOptions) : null;
    }

    /**
     * This parameter, if Dune would take it: a key, an enum with its options and a value among them, a number that is
     * one; otherwise bad input naming the parameter, found before anything is sent.
     */
    public QueryParameter checked() {
        if (key == null || key.isBlank()) {
            throw new DuneInvalidInputException("A query parameter needs a key");
        }
        if (type == Type.ENUM && (enumOptions == null || !enumOptions.contains(value))) {
            throw new DuneInvalidInputException("Enum parameter " + key + ": '" + value + "' is not one of its "
                    + "enumOptions " + (enumOptions == null ? "(none given)" : enumOptions));
        }
        if (type == Type.NUMBER && !value.isEmpty()) {
            try {
                new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new DuneInvalidInputException("Number parameter " + key + ": '" + value + "' is not a number");
            }
        }
        return this;
    }

    /** A text parameter. */
    public static QueryParameter text(String key, String value) {
        return new QueryParameter(key, Type.TEXT, value, null);
    }

    /** A number parameter. */
    public static QueryParameter number(String key, Number value) {
        return new QueryParameter(key, Type.NUMBER, new BigDecimal(value.toString()).toPlainString(), null);
    }

    /** A datetime parameter, written as Dune writes it. */
    public static QueryParameter datetime(String key, LocalDateTime value) {
        return new QueryParameter(key, Type.DATETIME, DATETIME.format(value), null);
    }

    /** An enum parameter: its value and the options it takes. */
    public static QueryParameter enumOf(String key, String value, List<String> options) {
        return new QueryParameter(key, Type.ENUM, value, options).checked();
    }
}
