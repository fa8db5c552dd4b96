package io.github.cameldune.dune.client;

import io.github.cameldune.dune.model.Dataset;
import io.github.cameldune.dune.model.DatasetPage;
import io.github.cameldune.dune.model.DatasetSearch;
import io.github.cameldune.dune.model.DatasetSearchPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * Dune's dataset discovery: list and get ({@code /v1/datasets}), search and search by contract (POSTs that only read,
 * so they may be sent again). Free.
 */
public final class DuneDatasets {

    private final DuneUrls urls;
    private final Sender sender;

    DuneDatasets(DuneUrls urls, Sender sender) {
        this.urls = urls;
        this.sender = sender;
    }

    /**
     * {@code GET /v1/datasets}: a page of the catalog.
     *
     * @param ownerHandle only this owner's, or null
     * @param types       only these types (comma-separated, e.g. {@code spell,decoded_table}), or null
     * @param limit       datasets per page (Dune: at most 250), or null for Dune's 50
     * @param offset      the first dataset, or null
     */
    public CompletableFuture<DatasetPage> list(String ownerHandle, String types, Integer limit, Long offset) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        add(query, "limit", limit);
        add(query, "offset", offset);
        add(query, "owner_handle", ownerHandle);
        add(query, "type", types);
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(List.of("v1", "datasets"), query))
                .build();
        return sender.send(new ApiRequest(DuneCall.LIST_DATASETS, null, null, http), answer -> {
            DatasetPage page = answer.read(DatasetPage.class);
            answer.require(page.datasets() != null, "datasets");
            return page;
        });
    }

    /** {@code GET /v1/datasets/{fullName}}: one dataset and its columns. */
    public CompletableFuture<Dataset> get(String fullName) {
        SimpleHttpRequest http = SimpleRequestBuilder.get(urls.url(List.of("v1", "datasets", fullName), List.of()))
                .build();
        return sender.send(new ApiRequest(DuneCall.GET_DATASET, null, null, http), answer -> {
            Dataset dataset = answer.read(Dataset.class);
            answer.require(dataset.fullName() != null, "full_name");
            return dataset;
        });
    }

    /** {@code POST /v1/datasets/search}. */
    public CompletableFuture<DatasetSearchPage> search(DatasetSearch search) {
        return searchPage(DuneCall.SEARCH_DATASETS, List.of("v1", "datasets", "search"), search);
    }

    /**
     * {@code POST /v1/datasets/search-by-contract}: the decoded tables of a contract.
     *
     * @param blockchains only these chains, or null
     */
    public CompletableFuture<DatasetSearchPage> searchByContract(
            String contractAddress, List<String> blockchains, Boolean includeSchema, Integer limit, Long offset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract_address", contractAddress);
        DuneMaterializedViews.putIfSet(body, "blockchains", blockchains);
        DuneMaterializedViews.putIfSet(body, "include_schema", includeSchema);
        DuneMaterializedViews.putIfSet(body, "limit", limit);
        DuneMaterializedViews.putIfSet(body, "offset", offset);
        return searchPage(DuneCall.SEARCH_DATASETS_BY_CONTRACT, List.of("v1", "datasets", "search-by-contract"), body);
    }

    private CompletableFuture<DatasetSearchPage> searchPage(DuneCall call, List<String> path, Object body) {
        SimpleHttpRequest http = SimpleRequestBuilder.post(urls.url(path, List.of()))
                .setBody(Json.write(body), ContentType.APPLICATION_JSON)
                .build();
        return sender.send(new ApiRequest(call, null, null, http), answer -> {
            DatasetSearchPage page = answer.read(DatasetSearchPage.class);
            answer.require(page.results() != null, "results");
            return page;
        });
    }

    private static void add(List<Map.Entry<String, String>> query, String name, Object value) {
        if (value != null) {
            query.add(Map.entry(name, value.toString()));
        }
    }
}
