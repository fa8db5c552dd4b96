package io.github.cameldune.dune.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ResultPage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tuned read path gives exactly what plain Jackson databind gives (the model's annotations, JavaTimeModule,
 * unknown fields ignored) for the same answers: thousands of generated statuses and pages, Dune-shaped and not
 * (every field present or absent, timestamps with any number of fraction digits and offsets or as epoch numbers,
 * values of every JSON type, rows of differing keys, wrong types), read both ways: both fail, or both give equal
 * values, rows with the same keys in the same order, and rows in column order as the plain rows reordered; a stream's
 * rows are the same rows again.
 */
@Timeout(120)
class ReadPathEquivalenceTest {

    private static final ObjectMapper PLAIN = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] STATES = {
        "QUERY_STATE_PENDING",
        "QUERY_STATE_EXECUTING",
        "QUERY_STATE_COMPLETED",
        "QUERY_STATE_COMPLETED_PARTIAL",
        "QUERY_STATE_FAILED",
        "QUERY_STATE_CANCELLED",
        "QUERY_STATE_EXPIRED",
        "QUERY_STATE_SOMETHING_NEW"
    };
    private static final String[] TIMES = {
        "submitted_at", "expires_at", "execution_started_at", "execution_ended_at", "cancelled_at"
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void statusesReadTheSameWayAsDatabind(long seed) throws Exception {
        Random random = new Random(seed);
        int read = 0;
        for (int i = 0; i < 1_500; i++) {
            String json = status(random).toString();
            Outcome tuned = outcome(() -> Json.MAPPER.readValue(json, ExecutionStatus.class));
            Outcome plain = outcome(() -> PLAIN.readValue(json, ExecutionStatus.class));
            assertThat(tuned.failed()).as("fails as databind does: %s", json).isEqualTo(plain.failed());
            if (!plain.failed()) {
                assertThat(tuned.value()).as(json).isEqualTo(plain.value());
                read++;
            }
        }
        assertThat(read).as("most answers are readable").isGreaterThan(1_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void pagesReadTheSameWayAsDatabind(long seed) throws Exception {
        Random random = new Random(seed);
        int read = 0;
        for (int i = 0; i < 600; i++) {
            String json = page(random).toString();
            Outcome tuned = outcome(() -> Json.MAPPER.readValue(json, ResultPage.class));
            Outcome plain = outcome(() -> PLAIN.readValue(json, ResultPage.class));
            assertThat(tuned.failed()).as("fails as databind does: %s", json).isEqualTo(plain.failed());
            if (plain.failed()) {
                continue;
            }
            ResultPage fast = (ResultPage) tuned.value();
            ResultPage slow = (ResultPage) plain.value();
            assertThat(fast.withRows(List.of())).as(json).isEqualTo(slow.withRows(List.of()));
            assertThat(fast.nextOffset()).isEqualTo(slow.nextOffset());
            assertThat(fast.nextUri()).isEqualTo(slow.nextUri());
            assertSameRows(fast.rows(), slow.rows(), json);
            if (!slow.rows().isEmpty() && slow.rows().get(0) != null) {
                assertThat(fast.rows().get(0)).as("kept compactly").isInstanceOf(RowsDeserializer.CompactRow.class);
            }
            List<Map<String, Object>> ordered = new ArrayList<>();
            for (Map<String, Object> row : fast.rows()) {
                ordered.add(ReadPath.inColumnOrder(fast, row));
            }
            List<Map<String, Object>> expected = new ArrayList<>();
            for (Map<String, Object> row : slow.rows()) {
                expected.add(inColumnOrder(
                        row, slow.metadata() == null ? null : slow.metadata().columnNames()));
            }
            assertSameRows(ordered, expected, json);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ResultPage streamed = ReadPath.streamed(Json.MAPPER, () -> new ByteArrayInputStream(bytes));
            assertThat(ReadPath.isStreamed(streamed)
                            || slow.result() == null
                            || slow.result().rows() == null)
                    .isTrue();
            assertSameRows(new ArrayList<>(streamed.rows()), slow.rows(), json);
            read++;
        }
        assertThat(read).as("most pages are readable").isGreaterThan(400);
    }

    private static void assertSameRows(
            List<Map<String, Object>> actual, List<Map<String, Object>> expected, String json) {
        assertThat(actual).as(json).hasSameSizeAs(expected);
        for (int r = 0; r < expected.size(); r++) {
            Map<String, Object> want = expected.get(r);
            Map<String, Object> got = actual.get(r);
            if (want == null) {
                assertThat(got).as("row %d of %s", r, json).isNull();
                continue;
            }
            assertThat(new ArrayList<>(got.keySet()))
                    .as("keys of row %d of %s", r, json)
                    .isEqualTo(new ArrayList<>(want.keySet()));
            assertThat(new LinkedHashMap<>(got)).as("row %d of %s", r, json).isEqualTo(want);
            assertThat(got).as("a map like any other").isEqualTo(want).hasSameHashCodeAs(want);
        }
    }

    /** The order camel-dune promises: the columns that are in the row, in column order, then the row's other keys. */
    private static Map<String, Object> inColumnOrder(Map<String, Object> row, List<String> columns) {
        if (row == null) {
            return null;
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String c : columns == null ? List.<String>of() : columns) {
            if (row.containsKey(c)) {
                ordered.put(c, row.get(c));
            }
        }
        row.forEach(ordered::putIfAbsent);
        return ordered;
    }

    private record Outcome(Object value, boolean failed) {}

    private static Outcome outcome(Callable<Object> read) {
        try {
            return new Outcome(read.call(), false);
        } catch (Exception e) {
            return new Outcome(null, true);
        }
    }

    private static ObjectNode status(Random random) {
        ObjectNode s = NODES.objectNode();
        maybe(random, () -> s.set("execution_id", oddOr(random, NODES.textNode("01HKZJ2683PHF9Q9PHHQ8FW4Q1"))));
        maybe(random, () -> s.set("query_id", oddOr(random, NODES.numberNode(random.nextInt(5_000_000)))));
        maybe(random, () -> s.set("state", oddOr(random, NODES.textNode(STATES[random.nextInt(STATES.length)]))));
        maybe(random, () -> s.set("is_execution_finished", oddOr(random, NODES.booleanNode(random.nextBoolean()))));
        for (String time : TIMES) {
            maybe(random, () -> s.set(time, oddOr(random, timestamp(random))));
        }
        maybe(random, () -> s.set("queue_position", oddOr(random, NODES.numberNode(random.nextInt(100)))));
        maybe(random, () -> s.set("execution_cost_credits", oddOr(random, credits(random))));
        maybe(random, () -> s.set("result_metadata", metadata(random)));
        maybe(random, () -> s.set("error", error(random)));
        maybe(random, () -> s.set("something_new", value(random, 2)));
        return s;
    }

    private static ObjectNode page(Random random) {
        ObjectNode p = status(random);
        p.remove("queue_position");
        p.remove("result_metadata");
        p.remove("execution_cost_credits");
        maybe(random, () -> p.set("next_offset", oddOr(random, NODES.numberNode(random.nextInt(100_000)))));
        maybe(
                random,
                () -> p.set("next_uri", NODES.textNode("https://api.dune.com/api/v1/execution/x/results?offset=3")));
        if (random.nextInt(10) > 0) {
            ObjectNode result = p.putObject("result");
            List<String> columns = new ArrayList<>();
            int width = random.nextInt(6);
            for (int c = 0; c < width; c++) {
                columns.add(random.nextInt(8) == 0 ? "col_" + random.nextInt(3) : "c" + c);
            }
            ArrayNode rows = result.putArray("rows");
            int count = random.nextInt(12);
            for (int r = 0; r < count; r++) {
                if (random.nextInt(25) == 0) {
                    rows.addNull();
                    continue;
                }
                if (random.nextInt(60) == 0) {
                    rows.add(value(random, 1));
                    continue;
                }
                ObjectNode row = rows.addObject();
                List<String> keys = new ArrayList<>(columns);
                if (random.nextInt(6) == 0 && !keys.isEmpty()) {
                    keys.remove(random.nextInt(keys.size()));
                }
                if (random.nextInt(6) == 0) {
                    keys.add("extra_" + random.nextInt(2));
                }
                if (random.nextBoolean()) {
                    keys.sort(null);
                }
                for (String k : keys) {
                    row.set(k, value(random, 2));
                }
            }
            if (random.nextInt(5) > 0) {
                ObjectNode metadata = metadata(random);
                ArrayNode names = metadata.putArray("column_names");
                List<String> order = new ArrayList<>(columns);
                java.util.Collections.shuffle(order, random);
                order.forEach(names::add);
                if (random.nextInt(8) == 0) {
                    names.add("not_in_rows");
                }
                result.set("metadata", metadata);
            }
        }
        return p;
    }

    private static ObjectNode metadata(Random random) {
        ObjectNode m = NODES.objectNode();
        maybe(random, () -> m.putArray("column_types").add("varchar").add("double"));
        maybe(random, () -> m.put("row_count", random.nextInt(1000)));
        maybe(random, () -> m.put("result_set_bytes", random.nextLong() & Long.MAX_VALUE));
        maybe(random, () -> m.put("total_row_count", random.nextInt(1000)));
        maybe(random, () -> m.put("datapoint_count", random.nextInt(1000)));
        maybe(random, () -> m.put("pending_time_millis", random.nextInt(1000)));
        maybe(random, () -> m.put("execution_time_millis", random.nextInt(1000)));
        return m;
    }

    private static ObjectNode error(Random random) {
        ObjectNode e = NODES.objectNode();
        maybe(random, () -> e.put("type", "FAILED_TYPE_EXECUTION_FAILED"));
        maybe(random, () -> e.put("message", "line 1:8: Column 'x' cannot be resolved"));
        maybe(random, () -> e.putObject("metadata").put("line", 1).put("column", 8));
        return e;
    }

    /** A timestamp as Dune writes one, or as it might: fractions of 0 to 9 digits, Z or an offset, or epoch seconds. */
    private static com.fasterxml.jackson.databind.JsonNode timestamp(Random random) {
        if (random.nextInt(10) == 0) {
            return NODES.numberNode(1_700_000_000L + random.nextInt(100_000_000));
        }
        if (random.nextInt(80) == 0) {
            return NODES.textNode("2024-13-45T99:00:00Z");
        }
        StringBuilder t = new StringBuilder(String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                1970 + random.nextInt(130),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(24),
                random.nextInt(60),
                random.nextInt(60)));
        int fraction = random.nextInt(10);
        if (fraction > 0) {
            t.append('.');
            for (int d = 0; d < fraction; d++) {
                t.append(random.nextInt(10));
            }
        }
        t.append(
                random.nextInt(4) == 0 ? String.format("+%02d:%02d", random.nextInt(14), 15 * random.nextInt(4)) : "Z");
        return NODES.textNode(t.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode credits(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> NODES.numberNode(random.nextInt(100));
            case 1 -> NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(random.nextInt(6)));
            default -> NODES.numberNode(random.nextDouble() * 1000);
        };
    }

    /** Any JSON value, nesting arrays and objects up to {@code depth}. */
    private static com.fasterxml.jackson.databind.JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 10);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(new BigInteger(96, random));
            case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(30) - 10));
            case 6 -> NODES.numberNode(new BigDecimal(new BigInteger(70, random), random.nextInt(20)));
            case 7 -> NODES.textNode("0x" + Long.toHexString(random.nextLong()));
            case 8 -> NODES.textNode("é\"\\\n\t\u2028😀 " + random.nextInt());
            case 9 -> NODES.textNode("");
            case 10 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(value(random, depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set("k" + random.nextInt(5), value(random, depth - 1));
                }
                yield o;
            }
        };
    }

    /** Most of the time the value, sometimes a value of another JSON type. */
    private static com.fasterxml.jackson.databind.JsonNode oddOr(
            Random random, com.fasterxml.jackson.databind.JsonNode value) {
        return random.nextInt(40) == 0 ? value(random, 1) : value;
    }

    private static void maybe(Random random, Runnable put) {
        if (random.nextInt(5) > 0) {
            put.run();
        }
    }
}
