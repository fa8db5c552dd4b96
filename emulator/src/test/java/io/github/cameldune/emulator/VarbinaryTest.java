package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.emulator.data.SampleData;
import io.github.cameldune.emulator.engine.DuneSql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Varbinary as Dune has it: written as lower-case {@code 0x} hex in JSON and CSV, read from Dune SQL's {@code 0x}
 * literals, and the sample data's addresses and hashes are varbinary, so Dune-style queries run as written.
 */
@Timeout(60)
class VarbinaryTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void aLiteralComesBackAsDuneWritesIt() {
        String id = api.post("/v1/sql/execute", "{\"sql\": \"select 0x00FF as b, '0x00ff' as s\"}")
                .json()
                .get("execution_id")
                .asText();
        api.awaitFinished(id);
        JsonNode page = api.get("/v1/execution/" + id + "/results").json();
        assertThat(page.at("/result/rows/0/b").asText()).isEqualTo("0x00ff");
        assertThat(page.at("/result/rows/0/s").asText())
                .as("a string stays a string")
                .isEqualTo("0x00ff");
        assertThat(page.at("/result/metadata/column_types/0").asText()).isEqualTo("varbinary");
        assertThat(page.at("/result/metadata/column_types/1").asText()).isEqualTo("varchar");
        assertThat(api.get("/v1/execution/" + id + "/results/csv").body()).isEqualTo("b,s\n0x00ff,0x00ff\n");
    }

    @Test
    void anUploadedVarbinaryColumnComesBackAsHex() {
        api.post(
                "/v1/uploads",
                "{\"namespace\":\"emulator\",\"table_name\":\"bytes\",\"schema\":[{\"name\":\"b\",\"type\":\"varbinary\"}]}");
        assertThat(api.send("POST", "/v1/uploads/emulator/bytes/insert", "text/csv", "b\n0x00ff\n")
                        .status())
                .isEqualTo(200);
        assertThat(api.sqlRows("select b from dune.emulator.bytes")
                        .get(0)
                        .get("b")
                        .asText())
                .isEqualTo("0x00ff");
    }

    @Test
    void dunestyleQueriesOverTheSampleDataRunAsWritten() {
        JsonNode busiest = api.sqlRows("select count(*) as trades, min(tx_hash) as first_hash from dex.trades "
                + "where taker = " + SampleData.BUSIEST_TRADER + " and blockchain = 'ethereum'");
        assertThat(busiest.get(0).get("trades").asLong()).isPositive();
        assertThat(busiest.get(0).get("first_hash").asText()).matches("0x[0-9a-f]{64}");
        JsonNode joined = api.sqlRows("select b.miner, count(*) as n from ethereum.blocks b "
                + "join dex.trades t on t.block_number = b.number where t.tx_to = "
                + "(select tx_to from dex.trades limit 1) group by 1 order by 2 desc limit 1");
        assertThat(joined.get(0).get("miner").asText()).matches("0x[0-9a-f]{40}");
    }

    @Test
    void onlyLiteralsAreRewritten() {
        assertThat(DuneSql.toDuckDb("select 0xAbC0, '0x12', \"0x34\", col0x56, t.0x78 -- 0x9a\n/* 0xbc */ 0x"))
                .isEqualTo("select from_hex('AbC0'), '0x12', \"0x34\", col0x56, t.0x78 -- 0x9a\n/* 0xbc */ 0x");
        assertThat(DuneSql.toDuckDb("where x = 0x1g")).isEqualTo("where x = 0x1g");
        assertThat(DuneSql.toDuckDb("in (0x01,0x02)")).isEqualTo("in (from_hex('01'),from_hex('02'))");
    }
}
