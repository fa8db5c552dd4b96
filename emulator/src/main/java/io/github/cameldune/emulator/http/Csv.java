package io.github.cameldune.emulator.http;

import io.github.cameldune.emulator.engine.ResultPage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** Dune's CSV: a header line on every page, {@code \n} line ends with a trailing one, RFC 4180 quoting. */
final class Csv {

    private Csv() {}

    static byte[] write(ResultPage page) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < page.columnNames().size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(page.columnNames().get(i)));
        }
        out.append('\n');
        for (Object[] row : page.rows()) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == 0 ? "" : ",").append(field(row[i]));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d
                ? d.toPlainString()
                : value instanceof Double d && !d.isInfinite() && !d.isNaN()
                        ? BigDecimal.valueOf(d).toPlainString()
                        : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
