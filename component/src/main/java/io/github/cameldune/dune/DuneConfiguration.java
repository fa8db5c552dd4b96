package io.github.cameldune.dune;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.cameldune.dune.client.ApiKeyLocation;

/**
 * The options of a {@code dune:} endpoint. Set on the component, they are the defaults of every endpoint; set on an
 * endpoint URI, they override the component's; {@code CamelDune*} headers override both for one message.
 */
@UriParams
public class DuneConfiguration implements Cloneable {

    @UriPath(description = "The operation to perform.")
    @Metadata(required = true)
    private DuneOperation operation;

    @UriParam(label = "security", security = "secret",
            description = "The Dune API key. Keep it out of URIs: set it on the component, e.g. "
                    + "camel.component.dune.api-key={{env:DUNE_API_KEY}}.")
    @Metadata(required = true)
    private String apiKey;

    @UriParam(label = "security", defaultValue = "header", enums = "header,query",
            description = "Where the API key is sent: the X-Dune-Api-Key header, or the api_key query parameter "
                    + "(which ends up in proxy and access logs).")
    private ApiKeyLocation apiKeyLocation = ApiKeyLocation.header;

    @UriParam(defaultValue = "https://api.dune.com/api",
            description = "The base URL of the Dune API, without the /v1 version; point it at the emulator or a "
                    + "proxy.")
    private String baseUrl = "https://api.dune.com/api";

    @UriParam(label = "producer", description = "The saved query to execute (a positive number).")
    private Long queryId;

    @UriParam(label = "producer", enums = "small,medium,large",
            description = "The performance tier of the execution. When not set, none is sent and Dune's default "
                    + "applies.")
    private String performance;

    @UriParam(label = "producer", prefix = "param.", multiValue = true,
            description = "Query parameter values, as param.name=value options, e.g. param.wallet=0xabc.")
    private Map<String, Object> queryParameters;

    @UriParam(label = "timeout", defaultValue = "30s", javaType = "java.time.Duration",
            description = "How long to wait for a connection to Dune.")
    private long connectTimeout = 30_000;

    @UriParam(label = "timeout", defaultValue = "60s", javaType = "java.time.Duration",
            description = "How long to wait for Dune's answer to each request.")
    private long responseTimeout = 60_000;

    @UriParam(label = "security", description = "TLS configuration for the connection to Dune.")
    private SSLContextParameters sslContextParameters;

    /** The operation to perform. */
    public DuneOperation getOperation() {
        return operation;
    }

    /** The operation to perform. */
    public void setOperation(DuneOperation operation) {
        this.operation = operation;
    }

    /** The Dune API key. */
    public String getApiKey() {
        return apiKey;
    }

    /** The Dune API key. Keep it out of URIs: set it on the component from a placeholder such as {{env:DUNE_API_KEY}}. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Where the API key is sent. */
    public ApiKeyLocation getApiKeyLocation() {
        return apiKeyLocation;
    }

    /** Where the API key is sent: the X-Dune-Api-Key header (default), or the api_key query parameter. */
    public void setApiKeyLocation(ApiKeyLocation apiKeyLocation) {
        this.apiKeyLocation = apiKeyLocation;
    }

    /** The base URL of the Dune API. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** The base URL of the Dune API, without the /v1 version. */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The saved query to execute. */
    public Long getQueryId() {
        return queryId;
    }

    /** The saved query to execute (a positive number). */
    public void setQueryId(Long queryId) {
        this.queryId = queryId;
    }

    /** The performance tier. */
    public String getPerformance() {
        return performance;
    }

    /** The performance tier: small, medium or large; unset sends none. */
    public void setPerformance(String performance) {
        this.performance = performance;
    }

    /** Query parameter values by name. */
    public Map<String, Object> getQueryParameters() {
        return queryParameters;
    }

    /** Query parameter values by name (param.name=value options on a URI). */
    public void setQueryParameters(Map<String, Object> queryParameters) {
        this.queryParameters = queryParameters;
    }

    /** The connect timeout in milliseconds. */
    public long getConnectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a connection to Dune. */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The response timeout in milliseconds. */
    public long getResponseTimeout() {
        return responseTimeout;
    }

    /** How long to wait for Dune's answer to each request. */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /** The TLS configuration. */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /** TLS configuration for the connection to Dune. */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /** A copy for an endpoint, so that its options do not change the component's. */
    public DuneConfiguration copy() {
        try {
            DuneConfiguration copy = (DuneConfiguration) clone();
            copy.queryParameters = queryParameters == null ? null : new HashMap<>(queryParameters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
