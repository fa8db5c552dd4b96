package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.client.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The option and header tables of {@code src-docs/dune-component.adoc} are generated from {@code dune.json}, the
 * catalog metadata generated from the annotations. This test fails when they disagree; run it with
 * {@code -Ddune.docs.update=true} to rewrite the tables.
 */
@Timeout(120)
class ReferenceDocTest {

    private static final Path DOC = Path.of("..", "src-docs", "dune-component.adoc");
    private static final Pattern BLOCK = Pattern.compile(
            "(// (component options|endpoint options|endpoint headers): START\n)(.*?)(// \\2: END)", Pattern.DOTALL);

    @Test
    void optionAndHeaderTablesMatchTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/cameldune/dune/dune.json")) {
            catalog = Json.MAPPER.readTree(in);
        }
        Map<String, String> tables = Map.of(
                "component options", optionsTable(catalog.get("componentProperties")),
                "endpoint options", optionsTable(catalog.get("properties")),
                "endpoint headers", headersTable(catalog.get("headers")));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(doc);
        StringBuilder expected = new StringBuilder();
        int blocks = 0;
        while (m.find()) {
            m.appendReplacement(expected, Matcher.quoteReplacement(m.group(1) + tables.get(m.group(2)) + m.group(4)));
            blocks++;
        }
        m.appendTail(expected);
        assertThat(blocks).as("the doc has the three marked tables").isEqualTo(3);
        if (Boolean.getBoolean("dune.docs.update")) {
            Files.writeString(DOC, expected.toString(), StandardCharsets.UTF_8);
            doc = expected.toString();
        }
        assertThat(doc)
                .as("src-docs/dune-component.adoc is stale: run this test with -Ddune.docs.update=true")
                .isEqualTo(expected.toString());
    }

    @Test
    void everyOperationHasItsSection() throws Exception {
        java.util.Set<String> documented = new java.util.HashSet<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ")) {
                documented.addAll(java.util.Arrays.asList(line.substring(4).split(",\\s*")));
            }
        }
        assertThat(documented)
                .containsAll(java.util.Arrays.stream(DuneOperation.values())
                        .map(DuneOperation::name)
                        .toList());
    }

    @Test
    void noDescriptionLostItsText() throws Exception {
        // Camel's tooling drops <...> from descriptions: "dune.<namespace>.<table>" would read "dune.."
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/cameldune/dune/dune.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .doesNotContain("..,", "..\"", ".. ", "_)");
        }
    }

    @Test
    void noDefaultOrExampleInTheCatalogIsASecret() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/cameldune/dune/dune.json")) {
            JsonNode apiKey = Json.MAPPER.readTree(in).at("/properties/apiKey");
            assertThat(apiKey.get("secret").asBoolean()).isTrue();
            assertThat(apiKey.has("defaultValue")).isFalse();
        }
    }

    private static String optionsTable(JsonNode options) {
        StringBuilder t = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            String group = o.path("group").asText();
            t.append("| *")
                    .append(e.getKey())
                    .append("* (")
                    .append(group)
                    .append(")")
                    .append(o.path("required").asBoolean() ? " *required*" : "")
                    .append(" | ")
                    .append(cell(o.path("description").asText()))
                    .append(o.has("enum") ? " Values: " + join(o.get("enum")) + "." : "")
                    .append(" | ")
                    .append(o.has("defaultValue") ? cell(o.get("defaultValue").asText()) : "")
                    .append(" | ")
                    .append(cell(
                            o.path("type").asText().equals("object")
                                    ? simpleName(o.path("javaType").asText())
                                    : o.path("type").asText()))
                    .append('\n');
        }
        return t.append("|===\n").toString();
    }

    private static String headersTable(JsonNode headers) {
        StringBuilder t = new StringBuilder("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            t.append("| `")
                    .append(e.getKey())
                    .append("` | ")
                    .append(cell(e.getValue().path("description").asText()))
                    .append(" | ")
                    .append(cell(simpleName(e.getValue().path("javaType").asText())))
                    .append('\n');
        }
        return t.append("|===\n").toString();
    }

    private static String join(JsonNode array) {
        StringBuilder s = new StringBuilder();
        array.forEach(v -> s.append(s.length() == 0 ? "" : ", ").append(v.asText()));
        return s.toString();
    }

    private static String simpleName(String javaType) {
        return javaType.replaceAll("[a-z][a-z0-9_]*\\.", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
