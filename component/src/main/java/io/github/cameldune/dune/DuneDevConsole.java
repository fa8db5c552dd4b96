package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.RateLimiter;
import io.github.cameldune.dune.credits.CreditBudget;
import io.github.cameldune.dune.metrics.DuneMetrics;
import io.github.cameldune.dune.metrics.Series;
import io.github.cameldune.dune.metrics.WaitingExecution;
import io.github.cameldune.dune.model.ExecutionStatus;
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
 * Its options answer one question each: {@value #EXECUTION}, {@value #QUERY} and {@value #BUDGET}.
 */
@DevConsole(name = "dune", displayName = "Dune", description = "Dune executions, credits and budget")
public class DuneDevConsole extends AbstractDevConsole {

    /**
     * {@code execution=<id>}: where one execution is: whether a route waits for it (and how long, in which state), its
     * status read from Dune now (free, at most {@value #STATUS_SECONDS} seconds), and the errors recorded for it.
     */
    public static final String EXECUTION = "execution";

    /**
     * {@code query=<id>}: one saved query: the executions of it waited on now, its recent run times and its meters
     * (executions by outcome, time queued and running).
     */
    public static final String QUERY = "query";

    /**
     * {@code budget=true}: the credit budgets only: the component's and each endpoint's, with what is reserved,
     * settled and left, and the executions followed until their cost is known.
     */
    public static final String BUDGET = "budget";

    /** How long the {@value #EXECUTION} option waits for Dune's status. */
    static final int STATUS_SECONDS = 5;

    /** The console, found by Camel through its service file. */
    public DuneDevConsole() {
        super("camel", "dune", "Dune", "Dune executions, credits and budget");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        String question = question(options);
        for (Object c : components(doCallJson(options))) {
            JsonObject component = (JsonObject) c;
            text.append("Dune component ").append(component.getString("name")).append('\n');
            if (question == null) {
                DevConsoleText.everything(text, component);
            } else if (question.equals(EXECUTION)) {
                DevConsoleText.execution(text, (JsonObject) component.get(EXECUTION));
            } else if (question.equals(QUERY)) {
                DevConsoleText.query(text, (JsonObject) component.get(QUERY));
            } else {
                DevConsoleText.budgets(text, (JsonObject) component.get(BUDGET));
            }
        }
        return text.toString();
    }

    /** The option asked, or null for everything. */
    private static String question(Map<String, Object> options) {
        if (options.get(EXECUTION) != null) {
            return EXECUTION;
        }
        if (options.get(QUERY) != null) {
            return QUERY;
        }
        return "true".equals(String.valueOf(options.get(BUDGET))) ? BUDGET : null;
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonArray components = new JsonArray();
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) instanceof DuneComponent dune) {
                components.add(answer(name, dune, options));
            }
        }
        JsonObject root = new JsonObject();
        root.put("components", components);
        return root;
    }

    /** The component's part of the answer: what the option asks, or everything. */
    private JsonObject answer(String name, DuneComponent dune, Map<String, Object> options) {
        String question = question(options);
        if (question == null) {
            return component(name, dune);
        }
        JsonObject json = new JsonObject();
        json.put("name", name);
        switch (question) {
            case EXECUTION ->
                json.put(
                        EXECUTION,
                        execution(dune, options.get(EXECUTION).toString().trim()));
            case QUERY ->
                json.put(QUERY, query(dune, options.get(QUERY).toString().trim()));
            default -> json.put(BUDGET, budgets(dune));
        }
        return json;
    }

    private JsonObject execution(DuneComponent dune, String executionId) {
        JsonObject json = new JsonObject();
        json.put("executionId", executionId);
        json.put(
                "waiting",
                dune.metrics().waiting().stream()
                        .filter(w -> executionId.equals(w.executionId()))
                        .map(DuneDevConsole::waiting)
                        .findFirst()
                        .orElse(null));
        json.put("status", liveStatus(dune, executionId));
        JsonArray errors = new JsonArray();
        dune.metrics().errors().stream()
                .filter(e -> executionId.equals(e.executionId()))
                .map(DuneDevConsole::error)
                .forEach(errors::add);
        json.put("errors", errors);
        return json;
    }

    /** The execution's status read from Dune now through one of the component's started endpoints (free). */
    private JsonObject liveStatus(DuneComponent dune, String executionId) {
        JsonObject json = new JsonObject();
        DuneEndpoint endpoint = getCamelContext().getEndpoints().stream()
                .filter(e -> e instanceof DuneEndpoint d && d.getComponent() == dune && d.client() != null)
                .map(DuneEndpoint.class::cast)
                .findFirst()
                .orElse(null);
        if (endpoint == null) {
            json.put("error", "no started dune endpoint to read it with");
            return json;
        }
        try {
            String id = OptionChecks.executionId(EXECUTION + " option", executionId);
            ExecutionStatus status =
                    endpoint.client().status(id).get(STATUS_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            json.put("state", status.state().value());
            json.put("queryId", status.queryId());
            json.put("queuePosition", status.queuePosition());
            json.put("submittedAt", string(status.times().submittedAt()));
            json.put("startedAt", string(status.times().executionStartedAt()));
            json.put("endedAt", string(status.times().executionEndedAt()));
            json.put(
                    "executionCostCredits",
                    status.executionCostCredits() == null
                            ? null
                            : status.executionCostCredits().doubleValue());
        } catch (java.util.concurrent.ExecutionException e) {
            json.put(
                    "error",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            json.put("error", "Dune did not answer within " + STATUS_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            json.put("error", "interrupted");
        } catch (RuntimeException e) {
            json.put("error", e.getMessage());
        }
        return json;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static JsonObject query(DuneComponent dune, String queryId) {
        JsonObject json = new JsonObject();
        json.put("queryId", queryId);
        JsonArray waiting = new JsonArray();
        dune.metrics().waiting().stream()
                .filter(w -> w.queryId() != null && queryId.equals(String.valueOf(w.queryId())))
                .map(DuneDevConsole::waiting)
                .forEach(waiting::add);
        json.put("waiting", waiting);
        JsonArray runs = new JsonArray();
        dune.durations().recent().forEach((query, took) -> {
            if (queryId.equals(String.valueOf(query))) {
                took.forEach(d -> runs.add(d.toMillis()));
            }
        });
        json.put("recentRunMillis", runs);
        JsonArray meters = new JsonArray();
        for (Object m : meters(dune.metrics())) {
            JsonObject meter = (JsonObject) m;
            if (queryId.equals(((JsonObject) meter.get("tags")).getString("query"))) {
                meters.add(meter);
            }
        }
        json.put("meters", meters);
        return json;
    }

    private JsonObject budgets(DuneComponent dune) {
        JsonObject json = new JsonObject();
        json.put("component", budget(dune.creditBudget()));
        JsonArray endpoints = new JsonArray();
        for (Endpoint e : getCamelContext().getEndpoints()) {
            if (e instanceof DuneEndpoint endpoint
                    && endpoint.getComponent() == dune
                    && endpoint.creditBudget() != null) {
                JsonObject one = new JsonObject();
                one.put("endpoint", URISupport.sanitizeUri(endpoint.getEndpointUri()));
                one.put("budget", budget(endpoint.creditBudget()));
                endpoints.add(one);
            }
        }
        json.put("endpoints", endpoints);
        json.put("executionsFollowed", dune.ledger().followed());
        return json;
    }

    private static JsonObject waiting(WaitingExecution w) {
        JsonObject wait = new JsonObject();
        wait.put("executionId", w.executionId());
        wait.put("queryId", w.queryId());
        wait.put("operation", w.operation());
        wait.put("state", w.state() == null ? null : w.state().value());
        wait.put("queuePosition", w.queuePosition());
        wait.put("elapsedMillis", w.elapsed().toMillis());
        return wait;
    }

    private static JsonObject error(DuneMetrics.RecentError e) {
        JsonObject error = new JsonObject();
        error.put("at", e.at().toString());
        error.put("operation", e.operation());
        error.put("executionId", e.executionId());
        error.put("type", e.type());
        error.put("message", e.message());
        return error;
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
        metrics.waiting().stream().map(DuneDevConsole::waiting).forEach(waiting::add);
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
        metrics.errors().stream().map(DuneDevConsole::error).forEach(errors::add);
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
