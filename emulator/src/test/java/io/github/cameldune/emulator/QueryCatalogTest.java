package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.emulator.engine.InvalidRequestException;
import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.engine.QueryParameter;
import io.github.cameldune.emulator.engine.SavedQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Saved query files: the header, Dune's {{parameter}} rendering and the checks of each parameter type. */
@Timeout(120)
class QueryCatalogTest {

    private static final String FILE = """
            -- id: 42
            -- name: Trades of a wallet
            -- min_duration: 1.5s
            -- param: wallet text = 0xabc
            -- param: chains enum(ethereum,base) = ethereum
            -- param: since datetime = 2024-01-01 00:00:00
            -- param: max_rows number = 10
            SELECT * FROM dex.trades
            WHERE taker = '{{wallet}}' AND blockchain IN ('{{chains}}') AND block_time >= TIMESTAMP '{{since}}'
            LIMIT {{max_rows}}
            """;

    @Test
    void readsTheHeader() {
        SavedQuery q = QueryCatalog.parse(FILE, "test");
        assertThat(q.id()).isEqualTo(42);
        assertThat(q.name()).isEqualTo("Trades of a wallet");
        assertThat(q.minDuration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(q.parameters()).containsOnlyKeys("wallet", "chains", "since", "max_rows");
        assertThat(q.parameters().get("chains").options()).containsExactly("ethereum", "base");
        assertThat(q.parameters().get("since").type()).isEqualTo(QueryParameter.Type.DATETIME);
    }

    @Test
    void rendersDefaultsAndValues() {
        SavedQuery q = QueryCatalog.parse(FILE, "test");
        assertThat(q.render(Map.of()).sql())
                .contains("taker = '0xabc'")
                .contains("LIMIT 10")
                .contains("TIMESTAMP '2024-01-01 00:00:00'");
        String sql = q.render(Map.of(
                        "wallet",
                        "o'brien",
                        "max_rows",
                        5,
                        "since",
                        "2024-02-03T04:05:06Z",
                        "chains",
                        List.of("ethereum", "base")))
                .sql();
        assertThat(sql)
                .contains("taker = 'o''brien'")
                .contains("LIMIT 5")
                .contains("TIMESTAMP '2024-02-03 04:05:06'")
                .contains("IN ('ethereum,base')");
    }

    @Test
    void refusesWhatDoesNotFit() {
        SavedQuery q = QueryCatalog.parse(FILE, "test");
        assertThatThrownBy(() -> q.render(Map.of("nope", 1, "also", 2)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown parameters (also, nope)");
        assertThatThrownBy(() -> q.render(Map.of("max_rows", "1; DROP TABLE x")))
                .hasMessageContaining("max_rows")
                .hasMessageContaining("expected a number");
        assertThatThrownBy(() -> q.render(Map.of("chains", "solana"))).hasMessageContaining("expected one of");
        assertThatThrownBy(() -> q.render(Map.of("since", "yesterday"))).hasMessageContaining("yyyy-MM-dd HH:mm:ss");
        assertThatThrownBy(() -> q.render(Map.of("wallet", List.of("a")))).hasMessageContaining("list");
    }

    @Test
    void refusesFilesThatDoNotDeclareWhatTheyUse() {
        assertThatThrownBy(() -> QueryCatalog.parse("-- id: 1\nSELECT {{x}}", "f.sql"))
                .hasMessageContaining("{{x}}");
        assertThatThrownBy(() -> QueryCatalog.parse("SELECT 1", "f.sql")).hasMessageContaining("id");
    }

    @Test
    void aFolderAddsAndReplacesQueries(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.sql"), "-- id: 1001\n-- name: mine\nSELECT 1 AS one");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        QueryCatalog catalog = QueryCatalog.bundled().addFolder(dir);
        assertThat(catalog.find(SampleQuery.DAILY_DEX_VOLUME.id()).orElseThrow().name())
                .isEqualTo("mine");
        assertThat(catalog.find(SampleQuery.TOP_TRADERS.id())).isPresent();
    }

    @Test
    void bundledQueriesAllRender() {
        QueryCatalog catalog = QueryCatalog.bundled();
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(8);
        catalog.all().forEach(q -> assertThat(q.render(Map.of()).sql()).doesNotContain("{{"));
    }
}
