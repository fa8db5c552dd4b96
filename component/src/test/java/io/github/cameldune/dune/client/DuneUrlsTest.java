package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.hc.core5.net.URIBuilder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A path of plain segments is appended as it is; every URL is the one URIBuilder makes. */
@Timeout(120)
class DuneUrlsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "01HKZJ2683PHF9Q9PHHQ8FW4Q1",
                "a b",
                "caf\u00e9",
                "..",
                "x/y",
                "q?x=1",
                "a%20b",
                "dataset_prices",
                "~user.name-1"
            })
    void everyUrlIsTheOneUriBuilderMakes(String segment) throws Exception {
        for (String base : List.of("https://api.dune.com/api", "http://127.0.0.1:8080/api/", "http://h:1/a%20b")) {
            DuneUrls urls = new DuneUrls(base, "key", ApiKeyLocation.header);
            List<String> path = List.of("v1", "execution", segment, "status");
            String expected = new URIBuilder(base.replaceFirst("/$", ""))
                    .setPathSegments(concat(new URIBuilder(base.replaceFirst("/$", "")).getPathSegments(), path))
                    .toString();
            assertThat(urls.url(path, List.of())).isEqualTo(expected);
            assertThat(urls.url(path, List.of(Map.entry("limit", "10")))).isEqualTo(expected + "?limit=10");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
