package io.github.cameldune.dune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.component.SendDynamicAwareSupport;
import org.apache.camel.util.URISupport;

/**
 * Lets {@code toD("dune:run?queryId=${header.q}")} reuse one endpoint: an option whose value is an expression in the
 * route, and that has a {@code CamelDune*} header (query id, tier, parameters, execution, table, view, dataset,
 * contract, search, paging), travels as that header, and the endpoint is the URI without it, one per operation and
 * static options. As with a dedicated endpoint, a header already on the message wins over the value in the URI, and a
 * header set only for the call is taken off again afterwards, so the next {@code toD} sees the message as it was.
 */
@SendDynamic("dune")
public class DuneSendDynamicAware extends SendDynamicAwareSupport {

    /** The options a header can carry, with their header. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("queryId", DuneConstants.QUERY_ID),
            Map.entry("performance", DuneConstants.PERFORMANCE),
            Map.entry("sql", DuneConstants.SQL),
            Map.entry("executionId", DuneConstants.EXECUTION_ID),
            Map.entry("limit", DuneConstants.LIMIT),
            Map.entry("offset", DuneConstants.OFFSET),
            Map.entry("columns", DuneConstants.COLUMNS),
            Map.entry("filters", DuneConstants.FILTERS),
            Map.entry("sortBy", DuneConstants.SORT_BY),
            Map.entry("sampleCount", DuneConstants.SAMPLE_COUNT),
            Map.entry("namespace", DuneConstants.NAMESPACE),
            Map.entry("tableName", DuneConstants.TABLE_NAME),
            Map.entry("materializedView", DuneConstants.MATERIALIZED_VIEW),
            Map.entry("pipelineExecutionId", DuneConstants.PIPELINE_EXECUTION_ID),
            Map.entry("datasetName", DuneConstants.DATASET_NAME),
            Map.entry("search", DuneConstants.SEARCH),
            Map.entry("contractAddress", DuneConstants.CONTRACT_ADDRESS));

    private static final String PARAMETER = "param.";

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) throws Exception {
        return new DynamicAwareEntry(uri, originalUri, endpointProperties(exchange, uri), null);
    }

    /** The URI without the options that vary and have a header; null when there are none (Camel's usual way). */
    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        Map<String, Object> varying = varying(entry);
        if (varying.isEmpty()) {
            return null;
        }
        Map<String, Object> fixed = new LinkedHashMap<>(entry.getProperties());
        fixed.keySet().removeAll(varying.keySet());
        String path = entry.getUri().contains("?")
                ? entry.getUri().substring(0, entry.getUri().indexOf('?'))
                : entry.getUri();
        return fixed.isEmpty() ? path : asEndpointUri(exchange, path, fixed);
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        Map<String, Object> varying = varying(entry);
        if (varying.isEmpty()) {
            return null;
        }
        return e -> {
            Message in = e.getMessage();
            Map<String, Object> added = new LinkedHashMap<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            varying.forEach((option, value) -> {
                if (option.startsWith(PARAMETER)) {
                    parameters.put(option.substring(PARAMETER.length()), value);
                } else if (in.getHeader(HEADERS.get(option)) == null) {
                    in.setHeader(HEADERS.get(option), value);
                    added.put(HEADERS.get(option), value);
                }
            });
            if (!parameters.isEmpty()) {
                Object before = in.getHeader(DuneConstants.QUERY_PARAMETERS);
                if (before instanceof Map<?, ?> given) {
                    // the message's own values win, as the header wins over param.* options
                    given.forEach((k, v) -> parameters.put(String.valueOf(k), v));
                }
                in.setHeader(DuneConstants.QUERY_PARAMETERS, parameters);
                added.put(DuneConstants.QUERY_PARAMETERS, parameters);
                e.setProperty(BEFORE_PARAMETERS, before);
            }
            e.setProperty(ADDED, added);
        };
    }

    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) throws Exception {
        if (varying(entry).isEmpty()) {
            return null;
        }
        return e -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> added = e.getProperty(ADDED, Map.class);
            Object before = e.getProperty(BEFORE_PARAMETERS);
            e.removeProperty(ADDED);
            e.removeProperty(BEFORE_PARAMETERS);
            if (added == null) {
                return;
            }
            Message in = e.getMessage();
            // a header the operation did not write over is the call's alone: the message is as it was
            added.forEach((header, value) -> {
                if (in.getHeader(header) == value) {
                    in.removeHeader(header);
                }
            });
            if (before != null && in.getHeader(DuneConstants.QUERY_PARAMETERS) == null) {
                in.setHeader(DuneConstants.QUERY_PARAMETERS, before);
            }
        };
    }

    private static final String ADDED = "CamelDuneDynamicHeaders";
    private static final String BEFORE_PARAMETERS = "CamelDuneDynamicParametersBefore";

    /**
     * The options whose value is an expression in the route ({@code ${...}}) and which a header can carry, with their
     * value for this message.
     */
    private static Map<String, Object> varying(DynamicAwareEntry entry) throws Exception {
        Map<String, Object> original = URISupport.parseQuery(URISupport.extractQuery(entry.getOriginalUri()));
        Map<String, Object> varying = new LinkedHashMap<>();
        if (original == null) {
            return varying;
        }
        original.forEach((option, template) -> {
            boolean expression = template != null && template.toString().contains("${");
            boolean carried = HEADERS.containsKey(option) || option.startsWith(PARAMETER);
            if (expression && carried && entry.getProperties().containsKey(option)) {
                varying.put(option, entry.getProperties().get(option));
            }
        });
        return varying;
    }
}
