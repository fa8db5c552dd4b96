package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.model.Dataset;
import io.github.cameldune.dune.model.DatasetPage;
import io.github.cameldune.dune.model.DatasetSearch;
import io.github.cameldune.dune.model.DatasetSearchPage;
import io.github.cameldune.dune.model.DuneQuery;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.dune.model.QueryList;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.data.SampleData;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Discovery on the emulator's catalog: datasets listed a page at a time or whole, got with their columns and
 * partition columns, searched by words and filters and by contract, typed; the account's queries listed a page at a
 * time; a temporary query created and run.
 */
@Timeout(120)
class DiscoveryTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("dune:listDatasets?limit=2");
                from("direct:listAll").to("dune:listDatasets?limit=2&fetchAll=true");
                from("direct:decoded").to("dune:listDatasets?datasetTypes=decoded_table&ownerHandle=dune");
                from("direct:get").to("dune:getDataset");
                from("direct:search")
                        .to("dune:searchDatasets?categories=decoded&includeSchema=true&includeMetadata=true&limit=1");
                from("direct:searchAll").to("dune:searchDatasets?limit=1&fetchAll=true");
                from("direct:byContract").to("dune:searchDatasetsByContract?includeSchema=true");
                from("direct:queries").to("dune:listQueries?limit=3");
                from("direct:allQueries").to("dune:listQueries?limit=3&fetchAll=true");
                from("direct:create").to("dune:createQuery");
                from("direct:getQuery").to("dune:getQuery");
                from("direct:run").to("dune:run?pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    @Test
    void datasetsListedGotAndSearched() {
        Exchange first = template.request("direct:list", e -> {});
        DatasetPage page = first.getMessage().getBody(DatasetPage.class);
        assertThat(page.datasets()).hasSize(2);
        assertThat(first.getMessage().getHeader(DuneConstants.TOTAL)).isEqualTo(5L);
        assertThat(first.getMessage().getHeader(DuneConstants.NEXT_OFFSET)).isEqualTo(2L);
        Exchange second = template.request("direct:list", e -> e.getMessage().setHeader(DuneConstants.OFFSET, 4L));
        assertThat(second.getMessage().getBody(DatasetPage.class).datasets()).hasSize(1);
        assertThat(second.getMessage().getHeaders()).doesNotContainKey(DuneConstants.NEXT_OFFSET);

        long before = emulator().requestCount(ApiEndpoint.DATASETS);
        DatasetPage all = template.requestBody("direct:listAll", null, DatasetPage.class);
        assertThat(all.datasets()).extracting(Dataset::fullName).hasSize(5).doesNotHaveDuplicates();
        assertThat(emulator().requestCount(ApiEndpoint.DATASETS) - before).isEqualTo(3);
        assertThat(template.requestBody("direct:decoded", null, DatasetPage.class)
                        .total())
                .isEqualTo(3);

        Dataset trades = template.requestBodyAndHeader(
                "direct:get", null, DuneConstants.DATASET_NAME, "dex.trades", Dataset.class);
        assertThat(trades.type()).isEqualTo("spell");
        assertThat(trades.owner().handle()).isEqualTo("dune");
        assertThat(trades.columns())
                .filteredOn(Dataset.Column::isFilteringColumn)
                .extracting(Dataset.Column::name)
                .containsExactly("block_month");
        assertThat(trades.columns())
                .filteredOn(c -> c.name().equals("taker"))
                .extracting(Dataset.Column::type)
                .containsExactly("varbinary");
        Exchange missing = template.request(
                "direct:get", e -> e.getMessage().setHeader(DuneConstants.DATASET_NAME, "dex.nothing"));
        assertThat(missing.getException()).isInstanceOf(DuneNotFoundException.class);

        Exchange found = template.request("direct:search", e -> e.getMessage().setHeader(DuneConstants.SEARCH, "swap"));
        DatasetSearchPage results = found.getMessage().getBody(DatasetSearchPage.class);
        assertThat(results.total()).isEqualTo(2);
        assertThat(results.results().get(0).schema())
                .extracting(Dataset.Column::name)
                .contains("contract_address");
        assertThat(results.results().get(0).metadata()).containsEntry("contract_name", "UniswapV3Pool");
        assertThat(found.getMessage().getHeader(DuneConstants.NEXT_OFFSET)).isEqualTo(1L);

        DatasetSearchPage every = template.requestBody(
                "direct:searchAll",
                new DatasetSearch("*", null, List.of("ethereum"), null, null, null, null, null, null, 2, null),
                DatasetSearchPage.class);
        assertThat(every.results()).as("every sample covers Ethereum").hasSize(5);
        assertThat(every.pagination().hasMore()).isFalse();

        DatasetSearchPage pool = template.requestBodyAndHeader(
                "direct:byContract",
                null,
                DuneConstants.CONTRACT_ADDRESS,
                SampleData.UNISWAP_WETH_USDC_POOL,
                DatasetSearchPage.class);
        assertThat(pool.results())
                .extracting(DatasetSearchPage.Result::fullName)
                .containsExactly(
                        "uniswap_v3_ethereum.UniswapV3Pool_evt_Swap", "uniswap_v3_ethereum.UniswapV3Pool_call_swap");
        long requests = emulator().requestCount();
        Exchange bad = template.request(
                "direct:byContract", e -> e.getMessage().setHeader(DuneConstants.CONTRACT_ADDRESS, "uniswap"));
        assertThat(bad.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("uniswap")
                .hasMessageContaining(DuneConstants.CONTRACT_ADDRESS);
        assertThat(emulator().requestCount()).isEqualTo(requests);
    }

    @Test
    void queriesPageAndATemporaryQueryRuns() {
        Exchange first = template.request("direct:queries", e -> {});
        QueryList page = first.getMessage().getBody(QueryList.class);
        assertThat(page.queries()).hasSize(3);
        long total = page.total();
        assertThat(total).isEqualTo(8);
        assertThat(first.getMessage().getHeader(DuneConstants.NEXT_OFFSET)).isEqualTo(3L);
        QueryList all = template.requestBody("direct:allQueries", null, QueryList.class);
        assertThat(all.queries())
                .extracting(QueryList.Summary::id)
                .hasSize((int) total)
                .doesNotHaveDuplicates();

        long temp = template.requestBody(
                "direct:create",
                QueryDraft.of("scratch", "SELECT 6 * 7 AS answer").temporary(),
                Long.class);
        DuneQuery query =
                template.requestBodyAndHeader("direct:getQuery", null, DuneConstants.QUERY_ID, temp, DuneQuery.class);
        assertThat(query.isTemp()).isTrue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                template.requestBodyAndHeader("direct:run", null, DuneConstants.QUERY_ID, temp, List.class);
        assertThat(rows).containsExactly(Map.of("answer", 42));
        assertThat(template.requestBody("direct:queries", null, QueryList.class).total())
                .as("a temporary query is not listed")
                .isEqualTo(total);
    }
}
