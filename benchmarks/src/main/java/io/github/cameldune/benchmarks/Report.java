package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The report: the machine the figures were taken on, and each benchmark's figures and targets, as Markdown. */
final class Report {

    private Report() {}

    /** Cores, memory, CPU, OS and JVM of this machine. */
    static ObjectNode machine() {
        ObjectNode m = Bench.JSON.createObjectNode();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memoryGb", Math.round(os.getTotalMemorySize() / 1e9));
        }
        m.put("cpu", cpuModel());
        m.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Large figures as whole numbers with separators, small ones as they are. */
    private static String number(JsonNode v) {
        double d = v.asDouble();
        return Math.abs(d) >= 100 ? String.format("%,.0f", d) : v.asText();
    }

    /** The table of each figure for camel-dune, the bare client and the TS SDK, with spreads and ratios. */
    private static void comparisons(JsonNode report, StringBuilder md) {
        StringBuilder rows = new StringBuilder();
        String skipped = null;
        for (JsonNode b : report.get("benchmarks")) {
            for (JsonNode c : b.path("comparisons")) {
                rows.append(String.format(
                        "| %s | %s | %s | %s | %s | %s | %s |%n",
                        c.path("figure").asText(),
                        c.path("mode").asText(),
                        cell(c.get("camel-dune")),
                        cell(c.get("bare")),
                        c.has("tsSdkNote") ? c.get("tsSdkNote").asText() : cell(c.get("tsSdk")),
                        c.has("ratioToBare") ? c.get("ratioToBare").asText() : "",
                        c.has("speedUpOverTsSdk") ? c.get("speedUpOverTsSdk").asText() + "x" : ""));
                if (c.has("tsSdkSkipped")) {
                    skipped = c.get("tsSdkSkipped").asText();
                }
            }
        }
        if (rows.length() == 0) {
            return;
        }
        md.append("\n## camel-dune, the bare client and the TS SDK\n\n")
                .append("Medians, with the spread (min-max) of the rounds or calls. The bare client is HttpClient 5 "
                        + "(async, the one camel-dune is built on; as lean as a hand-written client gets); the TS SDK "
                        + "is Dune's official `@duneanalytics/client-sdk`, pinned in `benchmarks/node/package.json`. "
                        + "camel-dune/bare is the ratio of the medians; the speed-up is how many times faster "
                        + "camel-dune is than the TS SDK (above 1: camel-dune ahead). Client-only: against the replay "
                        + "server, which answers recorded pages from memory.\n\n")
                .append("| Figure | Mode | camel-dune | bare client | TS SDK | camel-dune / bare | speed-up over TS "
                        + "SDK |\n|---|---|---|---|---|---|---|\n")
                .append(rows);
        if (skipped != null) {
            md.append("\n").append(skipped).append("\n");
        }
    }

    private static String cell(JsonNode stats) {
        if (stats == null) {
            return "";
        }
        String unit = stats.path("unit").asText();
        if (stats.path("n").asInt() == 1) {
            return number(stats.get("median")) + " " + unit;
        }
        return number(stats.get("median")) + " " + unit + " (" + number(stats.get("min")) + "-"
                + number(stats.get("max")) + ")";
    }

    static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder("# camel-dune benchmarks\n\n");
        JsonNode m = report.get("machine");
        md.append(String.format(
                "Taken %s on %d cores (%s), %d GB, %s, %s; the whole run took %d s. Produced by "
                        + "`mvn -B -Pbench -DskipTests verify` (see `benchmarks/`); the same figures as JSON are in "
                        + "`latest.json`.%n%n",
                report.path("date").asText(),
                m.path("cores").asInt(),
                m.path("cpu").asText(),
                m.path("memoryGb").asLong(),
                m.path("os").asText(),
                m.path("java").asText(),
                report.path("seconds").asLong()));
        md.append("| Benchmark | Target | Measured | Met |\n|---|---|---|---|\n");
        for (JsonNode b : report.get("benchmarks")) {
            if (b.has("error")) {
                md.append("| ")
                        .append(b.path("id").asText())
                        .append(" | | ")
                        .append(b.get("error").asText())
                        .append(" | no |\n");
            }
            for (JsonNode t : b.path("targets")) {
                md.append("| ")
                        .append(b.path("title").asText().replaceFirst(":.*", ""))
                        .append(" | ")
                        .append(t.path("target").asText())
                        .append(" | ")
                        .append(t.path("measured").asText())
                        .append(" | ")
                        .append(t.path("met").asBoolean() ? "yes" : "**no**")
                        .append(" |\n");
            }
        }
        comparisons(report, md);
        for (JsonNode b : report.get("benchmarks")) {
            if (b.has("error")) {
                continue;
            }
            md.append("\n## ")
                    .append(b.path("title").asText())
                    .append("\n\n")
                    .append(b.path("setup").asText())
                    .append(String.format(
                            " (JVM %s, %d s)%n%n",
                            b.path("jvm").asText(), b.path("seconds").asLong()));
            md.append("| Figure | Median | Min | Max | p90 | n |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<String, JsonNode> f : b.get("figures").properties()) {
                JsonNode v = f.getValue();
                if (v.isObject()) {
                    String unit = v.path("unit").asText().isEmpty()
                            ? ""
                            : " " + v.path("unit").asText();
                    md.append(String.format(
                            "| %s | %s%s | %s | %s | %s | %d |%n",
                            f.getKey(),
                            number(v.get("median")),
                            unit,
                            number(v.get("min")),
                            number(v.get("max")),
                            number(v.get("p90")),
                            v.path("n").asInt()));
                } else {
                    md.append(String.format("| %s | %s | | | | |%n", f.getKey(), v.asText()));
                }
            }
            for (JsonNode note : b.path("notes")) {
                md.append("\n").append(note.asText()).append("\n");
            }
        }
        return md.toString();
    }
}
