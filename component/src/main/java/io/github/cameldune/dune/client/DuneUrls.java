package io.github.cameldune.dune.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The URLs of one Dune API base URL: endpoint paths with their query strings, the key as a query parameter where it
 * is configured so, and the check that a URL Dune hands out ({@code next_uri}) points back at this API before the key
 * is sent to it.
 */
final class DuneUrls {

    private final URI base;
    /** The base as text, when paths of plain segments may be appended to it as they are; else null. */
    private final String plainBase;

    private final List<String> basePath;
    private final String apiKey;
    private final boolean keyInQuery;

    DuneUrls(String baseUrl, String apiKey, ApiKeyLocation location) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        this.basePath = new URIBuilder(base).getPathSegments();
        this.plainBase = base.getRawQuery() == null && base.getRawFragment() == null ? base.toString() : null;
        this.apiKey = apiKey;
        this.keyInQuery = location == ApiKeyLocation.query;
    }

    /** The URL of a path below the base (each segment encoded) with these query parameters, in order. */
    String url(List<String> path, List<Map.Entry<String, String>> query) {
        if (query.isEmpty() && !keyInQuery && plainBase != null && path.stream().allMatch(DuneUrls::isPlain)) {
            // the URL of most calls (a status, an execute): nothing to encode, so no URIBuilder on the hot path
            return plainBase + "/" + String.join("/", path);
        }
        List<String> segments = new ArrayList<>(basePath);
        segments.addAll(path);
        URIBuilder url = new URIBuilder(base).setPathSegments(segments);
        query.forEach(q -> url.addParameter(q.getKey(), q.getValue()));
        return build(url);
    }

    /** Whether a path segment needs no encoding: RFC 3986's unreserved characters only. */
    private static boolean isPlain(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~')) {
                return false;
            }
        }
        return !segment.equals(".") && !segment.equals("..");
    }

    /** A URL Dune handed out, with the key added when it travels in the query string. */
    String withKey(String url) {
        if (!keyInQuery) {
            return url;
        }
        try {
            return build(new URIBuilder(url));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String build(URIBuilder url) {
        if (keyInQuery) {
            url.addParameter("api_key", apiKey);
        }
        return url.toString();
    }

    /** Whether a URL Dune handed out points at this API (same scheme, host, port and base path) and holds no key. */
    boolean isSameApi(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            return u.getScheme() != null
                    && u.getScheme().equalsIgnoreCase(base.getScheme())
                    && u.getHost() != null
                    && u.getHost().equalsIgnoreCase(base.getHost())
                    && port(u) == port(base)
                    && u.getRawPath() != null
                    && u.getRawPath().startsWith(base.getRawPath() + "/")
                    && (u.getRawQuery() == null || !u.getRawQuery().contains("api_key="));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
