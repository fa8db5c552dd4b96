package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.model.DatasetPage;
import io.github.cameldune.dune.model.DatasetSearch;
import io.github.cameldune.dune.model.DatasetSearchPage;
import io.github.cameldune.dune.model.QueryList;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Message;

/**
 * The handlers of discovery: the account's saved queries, Dune's dataset catalog (list, get), and its searches (by
 * words and filters, by contract), each list a page at a time or, with {@code fetchAll}, whole. Free.
 */
final class DiscoveryHandlers {

    /** Queries: the next page follows this one's entries, until the total. */
    static final ListPages.Kind<QueryList> QUERIES = new ListPages.Kind<>() {
        @Override
        public Long next(QueryList page, long offset) {
            long next = offset + page.queries().size();
            return page.queries().isEmpty() || next >= page.total() ? null : next;
        }

        @Override
        public Long total(QueryList page) {
            return page.total();
        }

        @Override
        public QueryList merge(QueryList first, QueryList rest) {
            return new QueryList(joined(first.queries(), rest.queries()), rest.total());
        }
    };

    /** Datasets: Dune gives no next offset; the next page follows this one's entries, until the total. */
    static final ListPages.Kind<DatasetPage> DATASETS = new ListPages.Kind<>() {
        @Override
        public Long next(DatasetPage page, long offset) {
            long next = offset + page.datasets().size();
            return page.datasets().isEmpty() || next >= page.total() ? null : next;
        }

        @Override
        public Long total(DatasetPage page) {
            return page.total();
        }

        @Override
        public DatasetPage merge(DatasetPage first, DatasetPage rest) {
            return new DatasetPage(joined(first.datasets(), rest.datasets()), rest.total());
        }
    };

    /** Search results: the next page is Dune's, while it says more follow. */
    static final ListPages.Kind<DatasetSearchPage> RESULTS = new ListPages.Kind<>() {
        @Override
        public Long next(DatasetSearchPage page, long offset) {
            DatasetSearchPage.Pagination p = page.pagination();
            if (p == null || !p.hasMore() || page.results().isEmpty()) {
                return null;
            }
            return p.nextOffset() != null
                    ? p.nextOffset()
                    : offset + page.results().size();
        }

        @Override
        public Long total(DatasetSearchPage page) {
            return page.total();
        }

        @Override
        public DatasetSearchPage merge(DatasetSearchPage first, DatasetSearchPage rest) {
            return new DatasetSearchPage(rest.total(), joined(first.results(), rest.results()), rest.pagination());
        }
    };

    private DiscoveryHandlers() {}

    /** {@code dune:listQueries}: the body becomes a {@link QueryList}. */
    static OperationHandler listQueries(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            Integer limit = CatalogInput.limit(in, context.config());
            return ListPages.read(
                    in,
                    DuneCall.LIST_QUERIES,
                    context.config().isFetchAll(),
                    CatalogInput.offset(in, context.config()),
                    offset -> context.client().queries().listQueries(limit, offset),
                    QUERIES);
        };
    }

    /** {@code dune:listDatasets}: the body becomes a {@link DatasetPage}. */
    static OperationHandler listDatasets(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            Integer limit = CatalogInput.limit(in, context.config());
            String types = String.join(
                    ",", orEmpty(CatalogInput.commaList(context.config().getDatasetTypes())));
            return ListPages.read(
                    in,
                    DuneCall.LIST_DATASETS,
                    context.config().isFetchAll(),
                    CatalogInput.offset(in, context.config()),
                    offset -> context.client()
                            .datasets()
                            .list(context.config().getOwnerHandle(), types.isEmpty() ? null : types, limit, offset),
                    DATASETS);
        };
    }

    /** {@code dune:getDataset}: the body becomes the {@link io.github.cameldune.dune.model.Dataset}. */
    static OperationHandler getDataset(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .datasets()
                    .get(CatalogInput.datasetName(in, context.config()))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:searchDatasets}: the body becomes a {@link DatasetSearchPage}. */
    static OperationHandler searchDatasets(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            DatasetSearch search = CatalogInput.search(in, context.config());
            return ListPages.read(
                    in,
                    DuneCall.SEARCH_DATASETS,
                    context.config().isFetchAll(),
                    search.offset(),
                    offset -> context.client().datasets().search(offset == null ? search : search.withOffset(offset)),
                    RESULTS);
        };
    }

    /** {@code dune:searchDatasetsByContract}: the body becomes a {@link DatasetSearchPage}. */
    static OperationHandler searchDatasetsByContract(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            String address = CatalogInput.contractAddress(in, context.config());
            List<String> blockchains = CatalogInput.commaList(context.config().getBlockchains());
            Boolean schema = context.config().isIncludeSchema() ? Boolean.TRUE : null;
            Integer limit = CatalogInput.limit(in, context.config());
            return ListPages.read(
                    in,
                    DuneCall.SEARCH_DATASETS_BY_CONTRACT,
                    context.config().isFetchAll(),
                    CatalogInput.offset(in, context.config()),
                    offset -> context.client().datasets().searchByContract(address, blockchains, schema, limit, offset),
                    RESULTS);
        };
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** The entries of two pages, in order. */
    static <T> List<T> joined(List<T> first, List<T> rest) {
        List<T> all = new ArrayList<>(first.size() + rest.size());
        all.addAll(first);
        all.addAll(rest);
        return all;
    }
}
