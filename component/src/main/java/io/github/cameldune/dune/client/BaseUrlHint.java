package io.github.cameldune.dune.client;

import java.net.URI;

/**
 * What a 404 may say of the base URL: Dune's API is under {@code /api}, and a base URL whose path does not end there
 * (the host alone, say) answers every call with 404. Until a call to the base URL has succeeded, a 404 names what was
 * requested and points at {@code baseUrl}.
 */
final class BaseUrlHint {

    private final String hint;
    private volatile boolean answered;

    BaseUrlHint(String baseUrl) {
        String path = URI.create(baseUrl).getPath();
        boolean api = path != null && path.replaceAll("/+$", "").endsWith("/api");
        this.hint = api
                ? null
                : " was not found: is baseUrl " + baseUrl + " right? Dune's API is under /api, as in "
                        + "https://api.dune.com/api";
    }

    /** A success: the base URL is right. */
    ApiResponse answered(ApiResponse answer) {
        answered = true;
        return answer;
    }

    /** The hint for a failed answer, or null. */
    String hint(ApiResponse answer) {
        return hint != null && !answered && answer.code() == 404 ? hint : null;
    }
}
