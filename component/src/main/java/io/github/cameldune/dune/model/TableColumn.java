package io.github.cameldune.dune.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A column of an uploaded table, as Dune takes it in a schema and lists it.
 *
 * @param name     the column name (lowercase letters, digits and underscores, not starting with a digit)
 * @param type     one of Dune's types: varchar, varbinary, uint256, int256, bigint, integer, double, boolean,
 *                 timestamp, date
 * @param nullable whether it takes nulls (Dune's default: true)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableColumn(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("nullable") Boolean nullable)
        implements DuneModel {

    /** Dune's column types. */
    public static final java.util.Set<String> TYPES = java.util.Set.of(
            "varchar", "varbinary", "uint256", "int256", "bigint", "integer", "double", "boolean", "timestamp", "date");

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * The columns of a schema written as {@code name:type} pairs separated by commas, {@code !} after the type of a
     * column that takes no nulls, e.g. {@code id:integer!,amount:double}.
     *
     * @param source the option or header it came from, for the error
     * @throws io.github.cameldune.dune.exception.DuneInvalidInputException naming the source and the column
     */
    public static java.util.List<TableColumn> parseSchema(String source, String text) {
        java.util.List<TableColumn> columns = new java.util.ArrayList<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.trim().split(":");
            String type = parts.length == 2 ? parts[1].trim().toLowerCase(java.util.Locale.ROOT) : "";
            boolean notNull = type.endsWith("!");
            type = notNull ? type.substring(0, type.length() - 1) : type;
            if (parts.length != 2 || !NAME.matcher(parts[0].trim()).matches() || !TYPES.contains(type)) {
                throw new io.github.cameldune.dune.exception.DuneInvalidInputException("Invalid " + source + " column '"
                        + pair.trim() + "': expected name:type (a lowercase name; a type among "
                        + String.join(", ", new java.util.TreeSet<>(TYPES)) + "; ! for no nulls)");
            }
            columns.add(new TableColumn(parts[0].trim(), type, !notNull));
        }
        return java.util.List.copyOf(columns);
    }
}
