package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.emulator.data.SampleData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dataset discovery (dune-api-pipelines-datasets.md §4) over the sample tables, the account's uploads and its
 * materialized views: list with filters and paging, get by full name, search with filters and paging, search by
 * contract over the decoded sample tables.
 */
@Timeout(120)
class DatasetsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void theCatalogHoldsTheSamplesTheUploadsAndTheViews() {
        api.post(
                "/v1/uploads",
                "{\"namespace\":\"emulator\",\"table_name\":\"wallets\",\"schema\":[{\"name\":\"wallet\","
                        + "\"type\":\"varbinary\",\"nullable\":false},{\"name\":\"label\",\"type\":\"varchar\"}]}");
        long source = api.post("/v1/query", "{\"name\":\"n\",\"query_sql\":\"SELECT 1 AS one\"}")
                .json()
                .get("query_id")
                .asLong();
        api.awaitFinished(api.post("/v1/materialized-views", "{\"name\":\"result_one\",\"query_id\":" + source + "}")
                .json()
                .get("execution_id")
                .asText());

        JsonNode all = api.get("/v1/datasets").json();
        assertThat(all.get("total").asInt())
                .isEqualTo(all.get("datasets").size())
                .isEqualTo(7);
        JsonNode uploaded = api.get("/v1/datasets?type=uploaded_table").json();
        assertThat(uploaded.get("total").asInt()).isOne();
        JsonNode table = uploaded.get("datasets").get(0);
        assertThat(table.get("full_name").asText()).isEqualTo("dune.emulator.wallets");
        assertThat(table.get("owner").get("handle").asText()).isEqualTo("emulator");
        assertThat(table.get("columns").get(0).get("type").asText()).isEqualTo("varbinary");
        assertThat(table.get("columns").get(0).get("nullable").asBoolean()).isFalse();
        for (String field : List.of("metadata", "is_private", "created_at", "updated_at")) {
            assertThat(table.has(field)).as(field).isTrue();
        }
        assertThat(api.get("/v1/datasets?type=materialized_view,uploaded_table")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/v1/datasets?owner_handle=dune").json().get("total").asInt())
                .isEqualTo(5);

        // pages by offset until total, as Dune's list has no next offset
        List<String> names = new ArrayList<>();
        for (int offset = 0; ; offset += 3) {
            JsonNode page = api.get("/v1/datasets?limit=3&offset=" + offset).json();
            page.get("datasets").forEach(d -> names.add(d.get("full_name").asText()));
            if (offset + 3 >= page.get("total").asInt()) {
                break;
            }
        }
        assertThat(names).hasSize(7).doesNotHaveDuplicates();
        assertThat(api.get("/v1/datasets?limit=251").status()).isEqualTo(400);

        JsonNode trades = api.get("/v1/datasets/dex.trades").json();
        assertThat(trades.get("type").asText()).isEqualTo("spell");
        JsonNode blockMonth = null;
        for (JsonNode c : trades.get("columns")) {
            if (c.get("name").asText().equals("block_month")) {
                blockMonth = c;
            }
        }
        assertThat(blockMonth).isNotNull();
        assertThat(blockMonth.get("metadata").get("filtering_column").asBoolean())
                .as("the partition column cuts the data read")
                .isTrue();
        assertThat(api.get("/v1/datasets/dune.emulator.result_one")
                        .json()
                        .get("type")
                        .asText())
                .isEqualTo("materialized_view");
        assertThat(api.get("/v1/datasets/dex.nothing").status()).isEqualTo(404);
    }

    @Test
    void searchFiltersAndPages() {
        JsonNode found = api.post(
                        "/v1/datasets/search",
                        "{\"query\":\"uniswap swap\",\"include_schema\":true,"
                                + "\"include_metadata\":true,\"limit\":1}")
                .json();
        assertThat(found.get("total").asInt()).isEqualTo(2);
        JsonNode first = found.get("results").get(0);
        assertThat(first.get("full_name").asText()).startsWith("uniswap_v3_ethereum.UniswapV3Pool_");
        assertThat(first.get("category").asText()).isEqualTo("decoded");
        assertThat(first.get("schema").get(0).get("name").asText()).isEqualTo("contract_address");
        assertThat(first.get("metadata").get("contract_name").asText()).isEqualTo("UniswapV3Pool");
        assertThat(found.get("pagination").get("has_more").asBoolean()).isTrue();
        assertThat(found.get("pagination").get("next_offset").asInt()).isEqualTo(1);

        JsonNode last = api.post("/v1/datasets/search", "{\"query\":\"uniswap swap\",\"offset\":1,\"limit\":1}")
                .json();
        assertThat(last.get("pagination").get("has_more").asBoolean()).isFalse();
        assertThat(last.get("pagination").has("next_offset")).isFalse();
        assertThat(last.get("results").get(0).has("schema"))
                .as("only when asked")
                .isFalse();

        assertThat(api.post("/v1/datasets/search", "{\"query\":\"*\",\"categories\":[\"spell\"]}")
                        .json()
                        .get("results")
                        .get(0)
                        .get("full_name")
                        .asText())
                .isEqualTo("dex.trades");
        assertThat(api.post("/v1/datasets/search", "{\"blockchains\":[\"base\"]}")
                        .json()
                        .get("total")
                        .asInt())
                .isOne();
        assertThat(api.post("/v1/datasets/search", "{\"schemas\":[\"ethereum\"]}")
                        .json()
                        .get("total")
                        .asInt())
                .isOne();
        assertThat(api.post("/v1/datasets/search", "{\"dataset_types\":[\"decoded_table\"]}")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(3);
        assertThat(api.post("/v1/datasets/search", "{\"owner_scope\":\"me\"}")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.post("/v1/datasets/search", "{\"categories\":\"spell\"}").status())
                .isEqualTo(400);
    }

    @Test
    void searchByContractFindsTheDecodedTablesThatHoldIt() {
        JsonNode pool = api.post(
                        "/v1/datasets/search-by-contract",
                        "{\"contract_address\":\"" + SampleData.UNISWAP_WETH_USDC_POOL + "\",\"include_schema\":true}")
                .json();
        assertThat(pool.get("results"))
                .extracting(r -> r.get("full_name").asText())
                .containsExactly(
                        "uniswap_v3_ethereum.UniswapV3Pool_evt_Swap", "uniswap_v3_ethereum.UniswapV3Pool_call_swap");
        JsonNode weth = api.post(
                        "/v1/datasets/search-by-contract", "{\"contract_address\":\"" + SampleData.WETH + "\"}")
                .json();
        assertThat(weth.get("results"))
                .extracting(r -> r.get("full_name").asText())
                .containsExactly("erc20_ethereum.evt_Transfer");
        assertThat(api.post(
                                "/v1/datasets/search-by-contract",
                                "{\"contract_address\":\"" + SampleData.WETH + "\",\"blockchains\":[\"base\"]}")
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.post("/v1/datasets/search-by-contract", "{}").status()).isEqualTo(400);
        assertThat(api.post("/v1/datasets/search-by-contract", "{\"contract_address\":\"0xzz\"}")
                        .status())
                .isEqualTo(400);
        // the published addresses are the ones in the data
        assertThat(api.sqlRows("SELECT count(*) AS n FROM uniswap_v3_ethereum.UniswapV3Pool_evt_Swap WHERE "
                                + "contract_address = " + SampleData.UNISWAP_WETH_USDC_POOL)
                        .get(0)
                        .get("n")
                        .asLong())
                .isPositive();
    }
}
