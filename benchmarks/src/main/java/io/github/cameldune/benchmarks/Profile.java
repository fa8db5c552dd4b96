package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import one.profiler.AsyncProfiler;
import one.profiler.Counter;

/**
 * A CPU profile of part of a benchmark, by async-profiler (from Maven Central; its native library is in its jar),
 * summarised for the report: where the samples of the whole JVM fell, by the code they were in (the frame at the top
 * of each stack, grouped by library), and the busiest frames. It says where the time goes when a target is missed.
 */
final class Profile {

    /** Libraries by package prefix, first match wins; the rest is "JDK and JVM". */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("io/github/cameldune/dune/", "camel-dune");
        GROUPS.put("io.github.cameldune.dune.", "camel-dune");
        GROUPS.put("io/github/cameldune/benchmarks/", "the benchmark itself");
        GROUPS.put("io.github.cameldune.benchmarks.", "the benchmark itself");
        GROUPS.put("org/apache/camel/", "Camel");
        GROUPS.put("org.apache.camel.", "Camel");
        GROUPS.put("org/apache/hc/", "HttpClient 5");
        GROUPS.put("org.apache.hc.", "HttpClient 5");
        GROUPS.put("com/fasterxml/jackson/", "Jackson");
        GROUPS.put("com.fasterxml.jackson.", "Jackson");
    }

    private Profile() {}

    /**
     * Runs {@code work} under the profiler and adds the summary to the result's notes; the work runs unprofiled, and
     * a note says so, when the profiler cannot start here.
     */
    static void of(ObjectNode result, String what, Bench.Work work) throws Exception {
        AsyncProfiler profiler;
        String event;
        try {
            profiler = AsyncProfiler.getInstance();
            event = start(profiler);
        } catch (Throwable e) {
            ((ArrayNode) result.get("notes"))
                    .add("Profile of " + what + ": async-profiler could not start here (" + e + "), so there is none.");
            work.run();
            return;
        }
        try {
            work.run();
        } finally {
            profiler.stop();
        }
        String collapsed = profiler.dumpCollapsed(Counter.SAMPLES);
        ((ArrayNode) result.get("notes")).add(summary(what, event, collapsed));
    }

    /** Starts on CPU cycles where the kernel allows perf events, else on an interval timer. */
    private static String start(AsyncProfiler profiler) throws Exception {
        try {
            profiler.execute("start,event=cpu,interval=1ms");
            return "cpu";
        } catch (Exception perfEventsRefused) {
            profiler.execute("start,event=itimer,interval=1ms");
            return "itimer";
        }
    }

    /** The collapsed stacks' samples by group of the top frame, and the ten busiest top frames. */
    static String summary(String what, String event, String collapsed) {
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> byFrame = new TreeMap<>();
        long total = 0;
        for (String line : collapsed.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            String top = frames[frames.length - 1];
            byGroup.merge(group(frames), samples, Long::sum);
            byFrame.merge(top, samples, Long::sum);
            total += samples;
        }
        StringBuilder s = new StringBuilder("Profile of ")
                .append(what)
                .append(" (async-profiler, ")
                .append(event)
                .append(" samples every 1 ms of every thread of the JVM, ")
                .append(total)
                .append(" samples): where the time was spent, by the library whose code ran (")
                .append(share(byGroup, total))
                .append("); the busiest frames: ");
        List<Map.Entry<String, Long>> top = byFrame.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(10)
                .toList();
        for (int i = 0; i < top.size(); i++) {
            s.append(i == 0 ? "" : "; ")
                    .append('`')
                    .append(top.get(i).getKey().replace('`', '\''))
                    .append("` ")
                    .append(percent(top.get(i).getValue(), total));
        }
        return s.append('.').toString();
    }

    /**
     * The library a sample is charged to: the top frame's when it is one of ours, Camel's, HttpClient's or Jackson's;
     * else (JDK code, the JVM, the kernel) the nearest such frame below it, with "JDK and JVM for" before it.
     */
    private static String group(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            for (Map.Entry<String, String> g : GROUPS.entrySet()) {
                if (frames[i].startsWith(g.getKey())) {
                    return i == frames.length - 1 ? g.getValue() : "JDK and JVM for " + g.getValue();
                }
            }
        }
        return "JDK and JVM (threads, GC, JIT)";
    }

    private static String share(Map<String, Long> byGroup, long total) {
        StringBuilder s = new StringBuilder();
        byGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> s.append(s.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(percent(e.getValue(), total)));
        return s.toString();
    }

    private static String percent(long part, long total) {
        return String.format("%.1f%%", 100.0 * part / Math.max(1, total));
    }
}
