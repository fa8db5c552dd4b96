package io.github.cameldune.dune.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ResultPage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tuned read path, behind one seam: what makes reading Dune's answers fast (statuses read field by field,
 * timestamps digit by digit, a page's rows kept compactly and handed out as ordered views, a stream's rows read as
 * they are taken) gives exactly what plain Jackson databind gives for the same answers, and the rest of camel-dune
 * sees only the {@code model} types and these methods. {@code ReadPathEquivalenceTest} holds the two to each other.
 */
public final class ReadPath {

    /** The name of the attribute {@link RowsDeserializer} reads a stream's answer from. */
    private static final String STREAMED = RowsDeserializer.STREAMED;

    private ReadPath() {}

    /** The readers, for camel-dune's mapper: registered after JavaTimeModule, whose Instant reader they replace. */
    public static Module module() {
        SimpleModule module = new SimpleModule("camel-dune-read-path");
        module.addDeserializer(Instant.class, new InstantReader());
        module.addDeserializer(ExecutionStatus.class, new ExecutionStatusReader());
        module.setMixInAnnotation(ResultPage.Result.class, CompactRows.class);
        return module;
    }

    /** A page's rows, read compactly: the keys once a page, each row an array of values. */
    private abstract static class CompactRows {
        @JsonProperty("rows")
        @JsonDeserialize(using = RowsDeserializer.class)
        abstract List<Map<String, Object>> rows();
    }

    /** Puts every row's keys in column order, in place, one row at a time (so the page is never held twice). */
    public static ResultPage inColumnOrder(ResultPage page) {
        for (ListIterator<Map<String, Object>> it = page.rows().listIterator(); it.hasNext(); ) {
            it.set(inColumnOrder(page, it.next()));
        }
        return page;
    }

    /**
     * One row of a page as a map with its keys in column order, keys that are not columns last: a view of the row's
     * values that copies them into a map of its own only when the route changes it.
     */
    public static Map<String, Object> inColumnOrder(ResultPage page, Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        List<String> columns = page.metadata() == null ? null : page.metadata().columnNames();
        RowsDeserializer.CompactRow compact =
                row instanceof RowsDeserializer.CompactRow read ? read : RowsDeserializer.CompactRow.of(row);
        return columns == null ? compact.inOrder(List.of()) : OrderedRow.of(compact, columns);
    }

    /** Whether a page's rows are read from its answer as they are taken (see {@link #streamed}). */
    public static boolean isStreamed(ResultPage page) {
        return page.result() != null && page.result().rows() instanceof StreamedRows;
    }

    /**
     * Reads a page whose rows are checked and counted now, and read from {@code answer} again, one at a time, as they
     * are taken: for a stream of rows, so that a page's rows never all live at once.
     */
    public static ResultPage streamed(ObjectMapper mapper, Supplier<InputStream> answer) throws IOException {
        try (InputStream in = answer.get()) {
            return mapper.readerFor(ResultPage.class)
                    .withAttribute(STREAMED, answer)
                    .readValue(in);
        }
    }
}
