package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A folder of CSV files becomes tables that saved queries of one's own can read. */
@Timeout(120)
class OwnDataTest {

    @Test
    void csvFilesBecomeTablesForOwnQueries(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path queries = Files.createDirectories(dir.resolve("queries"));
        Files.writeString(data.resolve("prices.usd.csv"), "symbol,price\nWETH,2300.5\nUSDC,1.0\n");
        Files.writeString(queries.resolve("price.sql"), """
                -- id: 9001
                -- name: Price of a token
                -- param: symbol text = WETH
                SELECT symbol, price FROM prices.usd WHERE symbol = '{{symbol}}'
                """);
        try (DuneEmulator dune =
                DuneEmulator.builder().data(data).queries(queries).build().start()) {
            ApiClient api = new ApiClient(dune.baseUrl(), dune.apiKey());
            String id = api.execute(9001, "{\"query_parameters\": {\"symbol\": \"USDC\"}}");
            assertThat(api.awaitFinished(id).get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
            assertThat(api.get("/v1/execution/" + id + "/results/csv").body()).isEqualTo("symbol,price\nUSDC,1.0\n");
            assertThat(api.awaitFinished(id)
                            .at("/result_metadata/column_types/1")
                            .asText())
                    .isEqualTo("double");
        }
    }
}
