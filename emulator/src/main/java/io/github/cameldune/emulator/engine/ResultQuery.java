package io.github.cameldune.emulator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a client asked of a stored result ({@code columns}, {@code filters}, {@code sort_by}, {@code sample_count},
 * {@code limit}, {@code offset}), checked against the result's columns and turned into DuckDB SQL. Filters follow
 * Dune's small grammar: comparisons ({@code = != <> < <= > >=}), {@code IN (...)}, {@code LIKE}, {@code IS [NOT] NULL},
 * {@code AND}, {@code OR} and parentheses; literals only; {@code NOT IN} and {@code NOT LIKE} are refused.
 */
public record ResultQuery(
        List<String> columns, String filters, String sortBy, Integer sampleCount, Integer limit, long offset) {

    /** Everything, first page. */
    public static final ResultQuery ALL = new ResultQuery(null, null, null, null, null, 0);

    /**
     * Checks the combination the way Dune does.
     *
     * @throws InvalidRequestException when sampling is combined with paging or filters
     */
    public ResultQuery {
        if (sampleCount != null && (limit != null || offset != 0 || filters != null)) {
            throw new InvalidRequestException("sample_count cannot be combined with limit, offset or filters");
        }
        if (sampleCount != null && sampleCount < 0) {
            throw new InvalidRequestException("sample_count must not be negative");
        }
    }

    /** The {@code WHERE} condition in DuckDB SQL, or null for none. */
    String whereSql(List<String> resultColumns) {
        if (filters == null || filters.isBlank()) {
            return null;
        }
        return new FilterParser(filters, resultColumns).parse();
    }

    /** The {@code ORDER BY} list in DuckDB SQL, or null for none. */
    String orderSql(List<String> resultColumns) {
        if (sortBy == null || sortBy.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String item : CommaList.split(sortBy)) {
            Tokenizer t = new Tokenizer(item);
            String column = t.identifier(resultColumns);
            String direction = "ASC";
            if (t.hasMore()) {
                String word = t.word().toUpperCase(Locale.ROOT);
                if (!word.equals("ASC") && !word.equals("DESC")) {
                    throw new InvalidRequestException("invalid sort_by: expected asc or desc after " + column);
                }
                direction = word;
            }
            t.expectEnd("sort_by");
            parts.add(Database.quote(column) + " " + direction + " NULLS LAST");
        }
        return String.join(", ", parts);
    }

    /** A recursive-descent parser that re-emits a filter as safe SQL: quoted identifiers, escaped literals. */
    private static final class FilterParser {
        private final Tokenizer t;
        private final List<String> columns;

        FilterParser(String text, List<String> columns) {
            this.t = new Tokenizer(text);
            this.columns = columns;
        }

        String parse() {
            String sql = or();
            t.expectEnd("filters");
            return sql;
        }

        private String or() {
            String left = and();
            while (t.acceptWord("OR")) {
                left = left + " OR " + and();
            }
            return left;
        }

        private String and() {
            String left = factor();
            while (t.acceptWord("AND")) {
                left = left + " AND " + factor();
            }
            return left;
        }

        private String factor() {
            if (t.acceptWord("NOT")) {
                throw new InvalidRequestException("invalid filters: NOT is not supported");
            }
            if (t.accept('(')) {
                String inner = or();
                t.expect(')');
                return "(" + inner + ")";
            }
            String column = Database.quote(t.identifier(columns));
            if (t.acceptWord("IS")) {
                boolean not = t.acceptWord("NOT");
                t.expectWord("NULL");
                return column + (not ? " IS NOT NULL" : " IS NULL");
            }
            if (t.acceptWord("NOT")) {
                throw new InvalidRequestException("invalid filters: NOT IN and NOT LIKE are not supported");
            }
            if (t.acceptWord("IN")) {
                t.expect('(');
                List<String> values = new ArrayList<>();
                do {
                    values.add(t.literal());
                } while (t.accept(','));
                t.expect(')');
                return column + " IN (" + String.join(", ", values) + ")";
            }
            if (t.acceptWord("LIKE")) {
                return column + " LIKE " + t.literal();
            }
            String op = t.operator();
            return column + " " + op + " " + t.literal();
        }
    }

    /** Splits filter and sort text into identifiers, words, literals and symbols. */
    private static final class Tokenizer {
        private final String s;
        private int i;

        Tokenizer(String s) {
            this.s = s;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        boolean hasMore() {
            skipSpace();
            return i < s.length();
        }

        void expectEnd(String what) {
            if (hasMore()) {
                throw new InvalidRequestException("invalid " + what + ": unexpected '" + s.substring(i) + "'");
            }
        }

        boolean accept(char c) {
            skipSpace();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!accept(c)) {
                throw new InvalidRequestException("invalid filters: expected '" + c + "' at position " + (i + 1));
            }
        }

        String word() {
            skipSpace();
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            return s.substring(start, i);
        }

        boolean acceptWord(String expected) {
            skipSpace();
            int save = i;
            String w = word();
            if (w.equalsIgnoreCase(expected)) {
                return true;
            }
            i = save;
            return false;
        }

        void expectWord(String expected) {
            if (!acceptWord(expected)) {
                throw new InvalidRequestException("invalid filters: expected " + expected + " at position " + (i + 1));
            }
        }

        String identifier(List<String> columns) {
            skipSpace();
            String name;
            if (i < s.length() && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < s.length()) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < s.length() && s.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                name = b.toString();
            } else {
                name = word();
            }
            if (name.isEmpty() || !columns.contains(name)) {
                throw new InvalidRequestException("invalid column " + (name.isEmpty() ? "at position " + (i + 1) : name)
                        + ": the result has " + columns);
            }
            return name;
        }

        String operator() {
            skipSpace();
            for (String op : List.of("<=", ">=", "!=", "<>", "=", "<", ">")) {
                if (s.startsWith(op, i)) {
                    i += op.length();
                    return op.equals("!=") ? "<>" : op;
                }
            }
            throw new InvalidRequestException("invalid filters: expected a comparison at position " + (i + 1));
        }

        String literal() {
            skipSpace();
            if (i < s.length() && s.charAt(i) == '\'') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new InvalidRequestException("invalid filters: unterminated string");
                    }
                    char c = s.charAt(i++);
                    if (c == '\'') {
                        if (i < s.length() && s.charAt(i) == '\'') {
                            b.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                return "'" + b.toString().replace("'", "''") + "'";
            }
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || ".-+".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            String token = s.substring(start, i);
            if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
                return token.toLowerCase(Locale.ROOT);
            }
            try {
                return new java.math.BigDecimal(token).toPlainString();
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("invalid filters: expected a literal at position " + (start + 1)
                        + " (strings are single-quoted)");
            }
        }
    }
}
