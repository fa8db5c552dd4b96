package io.github.cameldune.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.SampleQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The docs and the tests name the same sample queries: the guide's table is {@link SampleQuery}, and every query id in
 * the 1000s that the README, the guide and the reference use is one of them.
 */
@Timeout(60)
class SampleQueriesDocTest {

    private static final Path GUIDE = Path.of("..", "src-docs", "user-guide.adoc");

    @Test
    void theGuidesTableIsTheEnum() throws IOException {
        Matcher rows = Pattern.compile("(?m)^\\| (\\d+) \\| `(\\w+)` \\| (.+)$").matcher(Files.readString(GUIDE));
        Map<String, String> table = new LinkedHashMap<>();
        while (rows.find()) {
            table.put(rows.group(1) + " " + rows.group(2), rows.group(3).strip());
        }
        Map<String, String> named = new LinkedHashMap<>();
        for (SampleQuery q : SampleQuery.values()) {
            named.put(q.id() + " " + q.name(), q.title());
        }
        assertThat(table).isEqualTo(named);
    }

    @Test
    void everySampleIdTheDocsUseIsASampleQuery() throws IOException {
        TreeSet<Long> used = new TreeSet<>();
        for (Path doc :
                new Path[] {GUIDE, Path.of("..", "README.md"), Path.of("..", "src-docs", "dune-component.adoc")}) {
            Matcher ids = Pattern.compile("queryId[=: ]+(10\\d\\d)\\b").matcher(Files.readString(doc));
            while (ids.find()) {
                used.add(Long.parseLong(ids.group(1)));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Arrays.stream(SampleQuery.values()).map(SampleQuery::id)).containsAll(used);
    }
}
