package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DataProductRules;
import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.OptionChecks;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.DatasetSearch;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Message;

/**
 * Reads a message's input for materialized views, pipelines and discovery as {@link MessageInput} does for the rest:
 * each value from its {@code CamelDune*} header, else the body where that applies, else the option, checked before
 * anything is sent.
 */
final class CatalogInput {

    private CatalogInput() {}

    /**
     * The materialized view: the header, then the option; the bare name for an upsert (a full name is cut to it), the
     * full name otherwise.
     */
    static String view(Message in, DuneConfiguration config, boolean bare) {
        String header = MessageInput.header(in, DuneConstants.MATERIALIZED_VIEW, String.class, null);
        String name = header != null ? header : config.getMaterializedView();
        String source = header != null ? DuneConstants.MATERIALIZED_VIEW + " header" : "materializedView";
        if (name == null || name.isBlank()) {
            throw new DuneInvalidInputException("No materialized view: set materializedView or the "
                    + DuneConstants.MATERIALIZED_VIEW + " header"
                    + (bare ? " to its name, result_..." : " to its full name, dune.OWNER.result_NAME"));
        }
        return bare ? DataProductRules.bareViewName(source, name) : DataProductRules.fullViewName(source, name);
    }

    /** The pipeline execution: the header, then the option, then a String body. */
    static String pipelineExecutionId(Message in, DuneConfiguration config) {
        String id = MessageInput.header(
                in, DuneConstants.PIPELINE_EXECUTION_ID, String.class, config.getPipelineExecutionId());
        if (id == null
                && in.getBody() instanceof CharSequence body
                && !body.toString().isBlank()) {
            id = body.toString();
        }
        if (id == null || id.isBlank()) {
            throw new DuneInvalidInputException("No pipeline execution: set the " + DuneConstants.PIPELINE_EXECUTION_ID
                    + " header, the pipelineExecutionId option, or a String body");
        }
        return id.trim();
    }

    /** The dataset's full name: the header, then the option. */
    static String datasetName(Message in, DuneConfiguration config) {
        String name = MessageInput.header(in, DuneConstants.DATASET_NAME, String.class, config.getDatasetName());
        if (name == null || name.isBlank()) {
            throw new DuneInvalidInputException("No dataset: set datasetName or the " + DuneConstants.DATASET_NAME
                    + " header to its full name, e.g. dex.trades");
        }
        return name.trim();
    }

    /** The contract address: the header, then the option. */
    static String contractAddress(Message in, DuneConfiguration config) {
        String header = MessageInput.header(in, DuneConstants.CONTRACT_ADDRESS, String.class, null);
        if (header != null) {
            return DataProductRules.contractAddress(DuneConstants.CONTRACT_ADDRESS + " header", header);
        }
        if (config.getContractAddress() == null) {
            throw new DuneInvalidInputException(
                    "No contract address: set contractAddress or the " + DuneConstants.CONTRACT_ADDRESS + " header");
        }
        return config.getContractAddress();
    }

    /** Entries per page of a list: the limit header, then the option. */
    static Integer limit(Message in, DuneConfiguration config) {
        Integer limit = MessageInput.header(in, DuneConstants.LIMIT, Integer.class, config.getLimit());
        if (limit != null) {
            OptionChecks.atLeast(DuneConstants.LIMIT, limit, 1);
        }
        return limit;
    }

    /** The first entry of a list: the offset header, then the option. */
    static Long offset(Message in, DuneConfiguration config) {
        Long offset = MessageInput.header(in, DuneConstants.OFFSET, Long.class, config.getOffset());
        if (offset != null) {
            OptionChecks.atLeast(DuneConstants.OFFSET, offset, 0);
        }
        return offset;
    }

    /** A search: a {@link DatasetSearch} body as it is, else the options with the search header's words. */
    static DatasetSearch search(Message in, DuneConfiguration config) {
        if (in.getBody() instanceof DatasetSearch given) {
            return given;
        }
        return new DatasetSearch(
                MessageInput.header(in, DuneConstants.SEARCH, String.class, config.getSearch()),
                commaList(config.getCategories()),
                commaList(config.getBlockchains()),
                commaList(config.getDatasetTypes()),
                commaList(config.getSchemas()),
                config.getOwnerScope(),
                config.isIncludePrivate() ? Boolean.TRUE : null,
                config.isIncludeSchema() ? Boolean.TRUE : null,
                config.isIncludeMetadata() ? Boolean.TRUE : null,
                limit(in, config),
                offset(in, config));
    }

    /** Comma-separated values, trimmed, or null for none. */
    static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
