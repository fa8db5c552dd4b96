package io.github.cameldune.emulator.engine;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A column of an uploaded table: its name, Dune's type and whether it takes nulls; and how a value of that type is
 * checked and written as the text DuckDB casts to its own type.
 *
 * @param name     a column name, {@code ^[a-z_][a-z0-9_]*$}
 * @param type     one of Dune's ten column types
 * @param nullable whether a value may be null (Dune's default: true)
 */
public record UploadColumn(String name, String type, boolean nullable) {

    /** Dune's column types and the DuckDB type each is stored as (256-bit integers as DuckDB's 128-bit ones). */
    static final Map<String, String> TYPES = Map.of(
            "varchar", "VARCHAR",
            "varbinary", "BLOB",
            "uint256", "UHUGEINT",
            "int256", "HUGEINT",
            "bigint", "BIGINT",
            "integer", "INTEGER",
            "double", "DOUBLE",
            "boolean", "BOOLEAN",
            "timestamp", "TIMESTAMP",
            "date", "DATE");

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");
    private static final BigInteger HUGE_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger HUGE_MIN = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger UHUGE_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    /** Checks a column of a schema; the message is Dune-shaped. */
    public UploadColumn {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("Invalid column name '" + name
                    + "': column names must begin with a lowercase letter or an underscore and contain only "
                    + "lowercase letters, digits and underscores");
        }
        if (type == null || !TYPES.containsKey(type.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException("Invalid type '" + type + "' for column " + name + ": expected one of "
                    + String.join(", ", new java.util.TreeSet<>(TYPES.keySet())));
        }
        type = type.toLowerCase(Locale.ROOT);
    }

    /** The DuckDB type of the column. */
    String duckType() {
        return TYPES.get(type);
    }

    /**
     * A value as the text DuckDB casts to the column's type (hex for varbinary), or null; {@code row} counts from 1.
     *
     * @param value a String (CSV, or a JSON string), a Number or Boolean (JSON), or null
     */
    String text(Object value, long row) {
        if (value == null || value instanceof String s && s.isEmpty() && !type.equals("varchar")) {
            if (!nullable) {
                throw bad(row, value, "a value (the column is not nullable)");
            }
            return null;
        }
        String text = value.toString().trim();
        try {
            return switch (type) {
                case "varchar" -> value.toString();
                case "boolean" -> {
                    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                        throw bad(row, value, "true or false");
                    }
                    yield text.toLowerCase(Locale.ROOT);
                }
                case "integer" -> String.valueOf(Integer.parseInt(text));
                case "bigint" -> String.valueOf(Long.parseLong(text));
                case "double" -> String.valueOf(Double.parseDouble(text));
                case "int256" -> range(new BigInteger(text), HUGE_MIN, HUGE_MAX, row, value);
                case "uint256" -> range(new BigInteger(text), BigInteger.ZERO, UHUGE_MAX, row, value);
                case "date" -> LocalDate.parse(text).toString();
                case "timestamp" -> timestamp(text);
                case "varbinary" ->
                    HEX.matcher(text).matches()
                            ? text.substring(2)
                            : HexFormat.of().formatHex(Base64.getDecoder().decode(text));
                default -> throw new IllegalStateException(type);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw bad(row, value, "a " + type + " value");
        } catch (IllegalArgumentException e) {
            throw bad(row, value, "0x-prefixed hex or base64");
        }
    }

    private String range(BigInteger v, BigInteger min, BigInteger max, long row, Object value) {
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw bad(row, value, "a " + type + " within the emulator's 128 bits");
        }
        return v.toString();
    }

    /** ISO 8601 with or without a zone; stored in UTC. */
    private static String timestamp(String text) {
        try {
            return OffsetDateTime.parse(text)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()
                    .toString();
        } catch (DateTimeParseException noZone) {
            return LocalDateTime.parse(text.replace(' ', 'T')).toString();
        }
    }

    private InvalidRequestException bad(long row, Object value, String expected) {
        String shown = String.valueOf(value);
        return new InvalidRequestException("Row " + row + ", column " + name + ": '"
                + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "' is not " + expected);
    }
}
