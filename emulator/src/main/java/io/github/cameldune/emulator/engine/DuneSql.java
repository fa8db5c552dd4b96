package io.github.cameldune.emulator.engine;

/**
 * Dune SQL as DuckDB takes it. Dune writes addresses and hashes as varbinary literals, {@code 0x00ff}, which DuckDB
 * reads as a number followed by a name: each such literal outside strings, quoted names and comments becomes
 * {@code from_hex('00ff')}, a BLOB, as Dune's value is a varbinary.
 */
public final class DuneSql {

    private DuneSql() {}

    /** The SQL with Dune's varbinary literals rewritten; everything else as it was. */
    public static String toDuckDb(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(sql, i, c);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '0'
                    && i + 2 < n
                    && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')
                    && (i == 0 || !isNamePart(sql.charAt(i - 1)))) {
                int end = i + 2;
                while (end < n && Character.digit(sql.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end > i + 2 && (end == n || !isNamePart(sql.charAt(end)))) {
                    out.append("from_hex('").append(sql, i + 2, end).append("')");
                } else {
                    out.append(sql, i, end);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a quoted string or name that opens at {@code from} ends: after its closing quote (doubled: escaped). */
    private static int closing(String sql, int from, char quote) {
        int i = from + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
