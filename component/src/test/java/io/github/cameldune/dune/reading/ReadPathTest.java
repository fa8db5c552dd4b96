package io.github.cameldune.dune.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.model.ResultPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A page's rows: read compactly, handed out as ordinary maps in column order, whatever shape each row has. */
@Timeout(120)
class ReadPathTest {

    private static ResultPage read(String rows, String columns) throws Exception {
        return Json.MAPPER.readValue(
                "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\",\"state\":"
                        + "\"QUERY_STATE_COMPLETED\",\"result\":{\"rows\":" + rows + ",\"metadata\":{\"column_names\":"
                        + columns + "}}}",
                ResultPage.class);
    }

    @Test
    void rowsComeInColumnOrderAsOrdinaryMaps() throws Exception {
        ResultPage page =
                read("[{\"a\":1,\"b\":\"x\",\"c\":2.5},{\"a\":2,\"b\":null,\"c\":[1,2]}]", "[\"c\",\"a\",\"b\"]");
        List<Map<String, Object>> rows = ReadPath.inColumnOrder(page).rows();
        assertThat(rows.get(0)).containsExactly(Map.entry("c", 2.5), Map.entry("a", 1), Map.entry("b", "x"));
        assertThat(rows.get(1).keySet()).containsExactly("c", "a", "b");
        assertThat(rows.get(1)).containsEntry("b", null).containsEntry("c", List.of(1, 2));
        rows.get(0).put("d", true);
        assertThat(rows.get(0)).as("a route may change its rows").containsEntry("d", true);
    }

    @Test
    void aColumnNamedTwiceIsOneKeyAtItsFirstPlace() throws Exception {
        ResultPage page = read("[{\"a\":1,\"b\":2}]", "[\"b\",\"a\",\"b\"]");
        Map<String, Object> row = ReadPath.inColumnOrder(page, page.rows().get(0));
        assertThat(row.keySet()).containsExactly("b", "a");
        assertThat(row).hasSize(2).containsEntry("b", 2);
    }

    @Test
    void aRowIsAnOrdinaryMapToEveryoneWhoUsesIt() throws Exception {
        ResultPage page = read("[{\"a\":1,\"b\":\"x\",\"c\":2.5}]", "[\"c\",\"a\",\"b\"]");
        Map<String, Object> row = ReadPath.inColumnOrder(page, page.rows().get(0));
        java.util.LinkedHashMap<String, Object> same = new java.util.LinkedHashMap<>();
        same.put("c", 2.5);
        same.put("a", 1);
        same.put("b", "x");
        assertThat(row).isEqualTo(same).hasSameHashCodeAs(same).hasToString(same.toString());
        assertThat(Json.MAPPER.writeValueAsString(row)).isEqualTo("{\"c\":2.5,\"a\":1,\"b\":\"x\"}");

        // serialized (an aggregation repository, say), it is a LinkedHashMap
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(row);
        }
        Object back = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(back).isInstanceOf(java.util.LinkedHashMap.class).isEqualTo(same);

        // changed through an entry, then through its iterator
        Map.Entry<String, Object> first = row.entrySet().iterator().next();
        first.setValue(3.5);
        assertThat(row).containsExactly(Map.entry("c", 3.5), Map.entry("a", 1), Map.entry("b", "x"));
        Map<String, Object> other = ReadPath.inColumnOrder(page, page.rows().get(0));
        java.util.Iterator<Map.Entry<String, Object>> it = other.entrySet().iterator();
        it.next();
        it.remove();
        assertThat(other).containsExactly(Map.entry("a", 1), Map.entry("b", "x"));
        assertThat(ReadPath.inColumnOrder(page, page.rows().get(0)))
                .as("the page itself is unchanged")
                .hasSize(3);
    }

    @Test
    void rowsOfAnotherShapeKeepTheirOwnKeys() throws Exception {
        ResultPage page = read(
                "[{\"a\":1,\"b\":2},{\"b\":3,\"a\":4},{\"a\":5},{},null,{\"a\":6,\"b\":7,\"z\":{\"k\":1}}]",
                "[\"b\",\"a\"]");
        List<Map<String, Object>> rows = ReadPath.inColumnOrder(page).rows();
        assertThat(rows.get(0)).containsExactly(Map.entry("b", 2), Map.entry("a", 1));
        assertThat(rows.get(1)).containsExactly(Map.entry("b", 3), Map.entry("a", 4));
        assertThat(rows.get(2)).containsExactly(Map.entry("a", 5));
        assertThat(rows.get(3)).isEmpty();
        assertThat(rows.get(4)).isNull();
        assertThat(rows.get(5)).containsExactly(Map.entry("b", 7), Map.entry("a", 6), Map.entry("z", Map.of("k", 1)));
    }

    @Test
    void withoutColumnNamesRowsKeepDunesOrder() throws Exception {
        ResultPage page = Json.MAPPER.readValue(
                "{\"state\":\"QUERY_STATE_COMPLETED\",\"result\":{\"rows\":" + "[{\"b\":1,\"a\":2}]}}",
                ResultPage.class);
        assertThat(ReadPath.inColumnOrder(page).rows().get(0)).containsExactly(Map.entry("b", 1), Map.entry("a", 2));
    }

    @Test
    void rowsThatAreNotObjectsAreRefused() {
        assertThatThrownBy(() -> read("[1]", "[]"))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("a row must be an object");
        assertThatThrownBy(() -> read("{\"a\":1}", "[]"))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("rows must be an array");
    }
}
