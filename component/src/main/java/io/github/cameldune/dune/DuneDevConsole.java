package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.RateLimiter;
import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.metrics.Series;
import io.github.cameldune.dune.metrics.WaitingExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code dune} dev console: for each Dune component, its endpoints, the executions being waited on, each saved
 * query's recent run times, the rate limits, the credits counted and the budget left, every meter's value and the last
 * errors. As text and as JSON, like Camel's own consoles ({@code camel cmd dev-console dune}, or the HTTP console).
 */
@DevConsole(name = "dune", displayName = "Dune", description = "Dune executions, credits and budget")
public class DuneDevConsole extends AbstractDevConsole {

    /** The console, found by Camel through its service file. */
    public DuneDevConsole() {
        super("camel", "dune", "Dune", "Dune executions, credits and budget");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Object c : components(doCallJson(options))) {
            JsonObject component = (JsonObject) c;
            text.append("Dune component ").append(component.getString("name")).append('\n');
            text.append("  Endpoints:\n");
            component
                    .getCollection("endpoints")
                    .forEach(e -> text.append("    ").append(e).append('\n'));
            text.append("  Waiting on ")
                    .append(component.getCollection("waiting").size())
                    .append(" execution(s):\n");
            for (Object w : component.getCollection("waiting")) {
                JsonObject wait = (JsonObject) w;
                text.append(String.format(
                        "    %s query=%s %s state=%s queuePosition=%s elapsed=%d ms%n",
                        wait.get("executionId"),
                        wait.get("queryId"),
                        wait.get("operation"),
                        wait.get("state"),
                        wait.get("queuePosition"),
                        wait.getLong("elapsedMillis")));
            }
            text.append("  Recent run times (ms, newest first): ")
                    .append(component.get("recentRunMillis"))
                    .append('\n');
            text.append("  Rate limits per minute: ")
                    .append(component.get("rateLimits"))
                    .append('\n');
            text.append("  Credits: ").append(component.get("credits")).append('\n');
            text.append("  Budget: ")
                    .append(component.get("budget") == null ? "none" : component.get("budget"))
                    .append('\n');
            text.append("  Meters:\n");
            for (Object m : component.getCollection("meters")) {
                JsonObject meter = (JsonObject) m;
                text.append("    ")
                        .append(meter.getString("name"))
                        .append(meter.get("tags"))
                        .append(" = ")
                        .append(meter.get("value"))
                        .append(meter.containsKey("count") ? " ms in all, " + meter.get("count") + " times" : "")
                        .append('\n');
            }
            text.append("  Last errors:\n");
            for (Object e : component.getCollection("errors")) {
                JsonObject error = (JsonObject) e;
                text.append("    ")
                        .append(error.get("at"))
                        .append(' ')
                        .append(error.get("operation"))
                        .append(' ')
                        .append(error.get("type"))
                        .append(": ")
                        .append(error.get("message"))
                        .append('\n');
            }
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof DuneComponent dune) {
                components.add(component(name, dune));
            }
        }
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    private static JsonArray components(Map<String, Object> json) {
        return (JsonArray) json.get("components");
    }

    private JsonObject component(String name, DuneComponent dune) {
        DuneMetrics metrics = dune.metrics();
        JsonObject json = new JsonObject();
        json.put("name", name);
        JsonArray endpoints = new JsonArray();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof DuneEndpoint endpoint && endpoint.getComponent() == dune) {
                // sanitized: an apiKey in a URI is masked
                endpoints.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
            }
        }
        json.put("endpoints", endpoints);
        JsonArray waiting = new JsonArray();
        for (WaitingExecution w : metrics.waiting()) {
            JsonObject wait = new JsonObject();
            wait.put("executionId", w.executionId());
            wait.put("queryId", w.queryId());
            wait.put("operation", w.operation());
            wait.put("state", w.state() == null ? null : w.state().value());
            wait.put("queuePosition", w.queuePosition());
            wait.put("elapsedMillis", w.elapsed().toMillis());
            waiting.add(wait);
        }
        json.put("waiting", waiting);
        JsonObject runs = new JsonObject();
        dune.durations()
                .recent()
                .forEach((query, took) -> runs.put(
                        String.valueOf(query),
                        new JsonArray(took.stream().map(Duration::toMillis).toList())));
        json.put("recentRunMillis", runs);
        JsonObject limits = new JsonObject();
        limits.put("write", dune.getRateLimitWrite());
        limits.put("read", dune.getRateLimitRead());
        RateLimiter limiter = dune.rateLimiter();
        if (limiter != null) {
            // how long the next request of each bucket would wait for its slot
            limits.put(
                    "writeBacklogMillis", limiter.backlog(DuneCall.Bucket.WRITE).toMillis());
            limits.put(
                    "readBacklogMillis", limiter.backlog(DuneCall.Bucket.READ).toMillis());
        }
        json.put("rateLimits", limits);
        JsonObject credits = new JsonObject();
        credits.put("execution", metrics.total("dune.credits", Map.of("kind", "execution")));
        credits.put("export", metrics.total("dune.credits", Map.of("kind", "export")));
        credits.put("write", metrics.total("dune.credits", Map.of("kind", "write")));
        credits.put("executionsFollowed", dune.ledger().followed());
        credits.put("exportCreditsPerMb", dune.getExportCreditsPerMb());
        json.put("credits", credits);
        json.put("budget", budget(dune.creditBudget()));
        json.put("meters", meters(metrics));
        JsonArray errors = new JsonArray();
        for (DuneMetrics.RecentError e : metrics.errors()) {
            JsonObject error = new JsonObject();
            error.put("at", e.at().toString());
            error.put("operation", e.operation());
            error.put("executionId", e.executionId());
            error.put("type", e.type());
            error.put("message", e.message());
            errors.add(error);
        }
        json.put("errors", errors);
        return json;
    }

    private static JsonObject budget(CreditBudget budget) {
        if (budget == null) {
            return null;
        }
        JsonObject json = new JsonObject();
        json.put("budget", budget.budget().doubleValue());
        json.put("window", budget.window().toString());
        json.put("counted", budget.spent().doubleValue());
        json.put("reserved", budget.reserved().doubleValue());
        json.put("settled", budget.settled().doubleValue());
        json.put("remaining", budget.remaining().doubleValue());
        json.put("countedFromUsage", budget.othersCounted().doubleValue());
        json.put(
                "reconciledAt",
                budget.reconciledAt() == null ? null : budget.reconciledAt().toString());
        return json;
    }

    private static JsonArray meters(DuneMetrics metrics) {
        List<Series> all = new ArrayList<>(metrics.series());
        all.sort((a, b) -> (a.name() + a.tags()).compareTo(b.name() + b.tags()));
        JsonArray meters = new JsonArray();
        for (Series s : all) {
            JsonObject meter = new JsonObject();
            meter.put("name", s.name());
            meter.put("tags", new JsonObject(new java.util.TreeMap<>(s.tags())));
            if (s.kind() == Series.Kind.TIMER) {
                meter.put("count", s.count());
                meter.put("value", Duration.ofNanos((long) s.value()).toMillis());
                meter.put("unit", "ms total");
            } else {
                meter.put("value", s.value());
            }
            meters.add(meter);
        }
        return meters;
    }
}
