package io.github.cameldune.dune.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * The starter cannot drift from the component: {@link DuneComponentConfiguration} is generated from the component's
 * {@code dune.json} (the options' annotations), every option is in the Spring configuration metadata with its
 * description, and every bean option can name a bean. {@code -Ddune.starter.update=true} rewrites the class.
 */
@Timeout(120)
class StarterMetadataTest {

    private static final Path SOURCE =
            Path.of("src/main/java/io/github/cameldune/dune/springboot/DuneComponentConfiguration.java");
    /** The value hints of the enum options, which the configuration processor merges into the metadata. */
    private static final Path HINTS =
            Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

    @Test
    void theConfigurationClassIsGeneratedFromTheCatalog() throws Exception {
        String expected = generate(options());
        if (Boolean.getBoolean("dune.starter.update")) {
            Files.writeString(SOURCE, expected);
        }
        assertThat(Files.readString(SOURCE))
                .as("%s is stale: run this test with -Ddune.starter.update=true", SOURCE)
                .isEqualTo(expected);
    }

    @Test
    void theValueHintsAreGeneratedFromTheCatalog() throws Exception {
        String expected = hints(options());
        if (Boolean.getBoolean("dune.starter.update")) {
            Files.createDirectories(HINTS.getParent());
            Files.writeString(HINTS, expected);
        }
        assertThat(Files.exists(HINTS) ? Files.readString(HINTS) : "")
                .as("%s is stale: run this test with -Ddune.starter.update=true", HINTS)
                .isEqualTo(expected);
    }

    @Test
    void everyOptionWithAFewValuesHasThemAsHintsInTheSpringMetadata() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, List<String>> hinted = new LinkedHashMap<>();
        metadata.path("hints").forEach(h -> {
            List<String> values = new ArrayList<>();
            h.get("values").forEach(v -> values.add(v.get("value").asText()));
            hinted.put(h.get("name").asText(), values);
        });
        assertThat(hinted)
                .containsKeys(
                        "camel.component.dune.performance",
                        "camel.component.dune.output-type",
                        "camel.component.dune.api-key-location",
                        "camel.component.dune.upload-format");
        options().forEach((name, option) -> {
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(v -> values.add(v.asText()));
                assertThat(hinted.get("camel.component.dune." + kebab(name)))
                        .as("hints of %s", name)
                        .isEqualTo(values);
            }
        });
    }

    @Test
    void everyOptionIsInTheSpringMetadataWithItsDescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        assertThat(properties).containsKey("camel.component.dune.enabled");
        options().forEach((name, option) -> {
            JsonNode property = properties.get("camel.component.dune." + kebab(name));
            assertThat(property).as("metadata of %s", name).isNotNull();
            assertThat(property.path("description").asText())
                    .as("description of %s", name)
                    .startsWith(firstWords(option.get("description").asText()));
        });
    }

    @Test
    void everyBeanOptionCanNameABean() {
        Set<String> converted = new TreeSet<>();
        for (GenericConverter.ConvertiblePair pair : new DuneComponentConverter(null).getConvertibleTypes()) {
            converted.add(pair.getTargetType().getName());
        }
        Set<String> beanOptions = new TreeSet<>();
        options().values().forEach(o -> {
            if (o.get("type").asText().equals("object")
                    && !o.get("javaType").asText().startsWith("java.util.Map")) {
                // a bean is looked up by its raw type
                beanOptions.add(o.get("javaType").asText().replaceAll("<.*>", ""));
            }
        });
        assertThat(converted).isEqualTo(beanOptions);
    }

    /** The component's options, by name, from the dune.json in the camel-dune jar. */
    static Map<String, JsonNode> options() {
        try (InputStream in =
                StarterMetadataTest.class.getResourceAsStream("/META-INF/io/github/cameldune/dune/dune.json")) {
            Map<String, JsonNode> options = new LinkedHashMap<>();
            new ObjectMapper()
                    .readTree(in)
                    .get("componentProperties")
                    .fields()
                    .forEachRemaining(e -> options.put(e.getKey(), e.getValue()));
            return options;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstWords(String description) {
        String clean = description.replaceAll("\\s+", " ");
        return clean.substring(0, Math.min(40, clean.length()));
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The value hints of the options that take a few values, as Spring's additional metadata. */
    static String hints(Map<String, JsonNode> options) throws Exception {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode hints = root.putArray("hints");
        options.forEach((name, option) -> {
            if (option.has("enum")) {
                com.fasterxml.jackson.databind.node.ObjectNode hint = hints.addObject();
                hint.put("name", "camel.component.dune." + kebab(name));
                com.fasterxml.jackson.databind.node.ArrayNode values = hint.putArray("values");
                option.get("enum").forEach(v -> values.addObject().put("value", v.asText()));
            }
        });
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** The source of DuneComponentConfiguration for these options. */
    static String generate(Map<String, JsonNode> options) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : options.entrySet()) {
            String name = e.getKey();
            JsonNode o = e.getValue();
            String type = type(o);
            String text = o.get("description").asText();
            if (o.get("type").asText().equals("duration")) {
                text += " A duration: 500ms, 30s, 5m, 1h30m, or milliseconds.";
            }
            fields.append(javadoc(text, "    "));
            fields.append("    private ").append(type).append(' ').append(name);
            String value = defaultValue(o, type);
            if (value != null) {
                fields.append(" = ").append(value);
            }
            fields.append(";\n\n");
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors
                    .append("    public ")
                    .append(type)
                    .append(" get")
                    .append(cap)
                    .append("() {\n")
                    .append("        return ")
                    .append(name)
                    .append(";\n    }\n\n");
            accessors
                    .append("    public void set")
                    .append(cap)
                    .append('(')
                    .append(type)
                    .append(' ')
                    .append(name)
                    .append(") {\n        this.")
                    .append(name)
                    .append(" = ")
                    .append(name)
                    .append(";\n    }\n\n");
        }
        return """
                package io.github.cameldune.dune.springboot;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * The options of the {@code dune} component under {@code camel.component.dune}, in {@code application.yml} or
                 * {@code .properties}: every component option of camel-dune, with its description and default.
                 *
                 * <p>Generated from the component's {@code dune.json} by {@code StarterMetadataTest}; do not edit.
                 */
                @ConfigurationProperties(prefix = "camel.component.dune")
                public class DuneComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                    /** Whether to configure the dune component from these properties (on by default). */
                    private Boolean enabled;

                """ + fields + accessors + """
                    public Boolean getEnabled() {
                        return enabled;
                    }

                    public void setEnabled(Boolean enabled) {
                        this.enabled = enabled;
                    }
                }
                """;
    }

    private static String type(JsonNode o) {
        String javaType = o.get("javaType").asText();
        return switch (o.get("type").asText()) {
            case "boolean" -> "Boolean";
            case "duration", "string" -> "String";
            case "number" -> "Double";
            case "integer" -> javaType.equals("long") || javaType.equals("java.lang.Long") ? "Long" : "Integer";
            case "enum" -> javaType.equals("java.lang.String") ? "String" : javaType;
            default -> javaType;
        };
    }

    private static String defaultValue(JsonNode o, String type) {
        JsonNode value = o.get("defaultValue");
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (type) {
            case "Boolean" -> String.valueOf(value.asBoolean());
            case "Long" -> value.asLong() + "L";
            case "Integer" -> String.valueOf(value.asInt());
            case "Double" -> String.valueOf(value.asDouble());
            case "String" -> '"' + value.asText() + '"';
            default -> o.get("type").asText().equals("enum") ? type + "." + value.asText() : null;
        };
    }

    private static String javadoc(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replaceAll("\\s+", " ").trim().split(" ")) {
            if (line.length() + word.length() + 1 > 110 - indent.length() - 3 && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        for (String l : lines) {
            doc.append(indent).append(" * ").append(l.replace("*/", "*&#47;")).append('\n');
        }
        return doc.append(indent).append(" */\n").toString();
    }
}
