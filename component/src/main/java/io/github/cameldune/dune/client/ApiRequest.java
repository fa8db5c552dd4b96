package io.github.cameldune.dune.client;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;

/**
 * One request to Dune: which call it is, the ids to name in its errors, and the HTTP request itself (without the key,
 * which the sender adds).
 *
 * @param call        the API call
 * @param queryId     the saved query, or null
 * @param executionId the execution, or null
 * @param http        the request
 */
record ApiRequest(DuneCall call, Long queryId, String executionId, SimpleHttpRequest http) {

    /** The method and path, without the query string, which may hold the key. */
    String describe() {
        String path = http.getPath();
        int query = path.indexOf('?');
        return http.getMethod() + " " + (query < 0 ? path : path.substring(0, query));
    }
}
