package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.data.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discovery example on the emulator: the WETH-USDC pool's two decoded tables are found, read for their partition
 * columns, and counted since a day, each count checked against the same count over the trades they are made of.
 */
@Timeout(120)
class DiscoveryAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void findsTheContractsTablesAndCountsItsRowsOnTheirPartitions(@TempDir Path out) throws Exception {
        Main main = ExampleRunner.create(new DiscoveryRoutes(), "discovery.properties", DUNE.emulator());
        main.addOverrideProperty("example.output-dir", out.toString());
        main.addOverrideProperty("camel.component.dune.poll-initial-delay", "20");
        main.addOverrideProperty("camel.component.dune.poll-interval", "20");
        main.run(new String[0]);

        List<String> lines = Files.readAllLines(out.resolve("contract-tables.csv"));
        assertThat(lines)
                .extracting(l -> l.split(",")[0])
                .containsExactly(
                        "uniswap_v3_ethereum.UniswapV3Pool_evt_Swap", "uniswap_v3_ethereum.UniswapV3Pool_call_swap");
        var count = DUNE.emulator()
                .engine()
                .executeSql(
                        "SELECT count(*) AS n FROM dex.trades WHERE project = 'uniswap' AND blockchain = 'ethereum' "
                                + "AND project_contract_address = " + SampleData.UNISWAP_WETH_USDC_POOL
                                + " AND block_date >= DATE '2024-01-08'",
                        null);
        await().atMost(Duration.ofSeconds(10)).until(() -> count.state().isFinished());
        String expected = count.snapshot().result().rows().get(0)[0].toString();
        for (String line : lines) {
            String[] cells = line.split(",");
            assertThat(cells[1]).as(line).isEqualTo(expected);
            assertThat(cells[2]).as("the partition's first day").isEqualTo("2024-01-08");
        }
        assertThat(lines.get(0).split(",")[1])
                .as("the same trades, seen as events and as calls")
                .isEqualTo(lines.get(1).split(",")[1]);
        assertThat(DUNE.emulator().requestCount(ApiEndpoint.DATASET_SEARCH)).isOne();
        assertThat(DUNE.emulator().requestCount(ApiEndpoint.DATASETS)).isEqualTo(2);
        assertThat(DUNE.emulator().requestCount(ApiEndpoint.SQL_EXECUTE)).isEqualTo(2);
    }
}
