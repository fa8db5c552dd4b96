package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneAuthenticationException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.URISupport;

/**
 * Whether Dune is reachable and accepts the key, at no cost: it asks the status of an execution id that exists
 * nowhere, which Dune answers with "not found" only after checking the key. A rejected key, or any failure that is not
 * {@linkplain DuneApiException#isTransient() transient}, is DOWN at once; a transient one is DOWN only after
 * {@value #FAILURES_BEFORE_DOWN} in a row, so one hiccup does not flap the route's readiness. Each check is one
 * request: the checks in a row are its retries.
 */
public class DuneHealthCheck extends AbstractHealthCheck {

    /** A well-formed execution id that no execution has (the ULID of time zero). */
    static final String PROBE_EXECUTION_ID = "00000000000000000000000000";
    /** Transient failures in a row before the check reports DOWN. */
    static final int FAILURES_BEFORE_DOWN = 3;

    private final DuneEndpoint endpoint;
    private final AtomicInteger transientFailures = new AtomicInteger();

    /**
     * A check of the connection to Dune of every endpoint of a component that shares a base URL and key.
     *
     * @param id a stable id, the same on every start (see {@link DuneComponent})
     */
    public DuneHealthCheck(DuneEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    /**
     * One free request that tells whether Dune accepts the key.
     *
     * @return null when it does; else the failure (a rejected key, or one that may pass)
     */
    static DuneApiException probe(DuneEndpoint endpoint) {
        try {
            Futures.await(
                    endpoint.client().withoutRetries().status(PROBE_EXECUTION_ID),
                    Duration.ofMillis(endpoint.getConfiguration().getResponseTimeout()),
                    DuneCall.STATUS,
                    PROBE_EXECUTION_ID);
            return null;
        } catch (DuneNotFoundException expected) {
            // the key was accepted: only then does Dune look for the execution
            return null;
        } catch (DuneApiException e) {
            // a 400 (an id Dune does not take) also comes only after the key was accepted
            return e.getHttpResponseCode() == 400 ? null : e;
        }
    }

    /** Whether a failure of {@link #probe} says that Dune refuses the key. */
    static boolean isRejectedKey(DuneApiException failure) {
        return failure instanceof DuneAuthenticationException || failure.getHttpResponseCode() == 403;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        // as Camel prints it: the key masked
        builder.detail("endpoint", URISupport.sanitizeUri(endpoint.getEndpointUri()));
        DuneApiException e = probe(endpoint);
        if (e == null) {
            transientFailures.set(0);
            builder.up();
        } else if (isRejectedKey(e)) {
            transientFailures.set(0);
            builder.down()
                    .message("Dune rejected the API key: HTTP " + e.getHttpResponseCode() + " " + e.getDuneError())
                    .detail(SERVICE_STATUS_CODE, e.getHttpResponseCode());
        } else if (!e.isTransient()) {
            transientFailures.set(0);
            builder.down()
                    .message("Dune refused the check: " + e.getMessage())
                    .detail(SERVICE_STATUS_CODE, e.getHttpResponseCode());
        } else {
            int failures = transientFailures.incrementAndGet();
            builder.detail("consecutiveFailures", failures);
            if (failures >= FAILURES_BEFORE_DOWN) {
                builder.down()
                        .message("Dune failed " + failures + " checks in a row: " + e.getMessage())
                        .detail(SERVICE_STATUS_CODE, e.getHttpResponseCode());
            } else {
                builder.up()
                        .message("transient failure " + failures + " of " + FAILURES_BEFORE_DOWN + " before DOWN: "
                                + e.getMessage());
            }
        }
    }
}
