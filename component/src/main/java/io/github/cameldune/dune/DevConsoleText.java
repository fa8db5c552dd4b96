package io.github.cameldune.dune;

import org.apache.camel.util.json.JsonObject;

/** The {@code dune} dev console's answers as text, written from the same JSON it answers. */
final class DevConsoleText {

    private DevConsoleText() {}

    /** Everything: endpoints, waits, run times, rate limits, credits, budget, meters, errors. */
    static void everything(StringBuilder text, JsonObject component) {
        text.append("  Endpoints:\n");
        component
                .getCollection("endpoints")
                .forEach(e -> text.append("    ").append(e).append('\n'));
        waiting(text, component.getCollection("waiting"));
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
        meters(text, component.getCollection("meters"));
        errors(text, component.getCollection("errors"));
    }

    /** One execution: its wait, its status as Dune reports it now, its errors. */
    static void execution(StringBuilder text, JsonObject execution) {
        text.append("  Execution ").append(execution.getString("executionId")).append('\n');
        JsonObject wait = (JsonObject) execution.get("waiting");
        text.append("    Waited for: ")
                .append(
                        wait == null
                                ? "no"
                                : wait.get("operation") + " of query " + wait.get("queryId") + ", " + wait.get("state")
                                        + " after " + wait.get("elapsedMillis") + " ms")
                .append('\n');
        JsonObject status = (JsonObject) execution.get("status");
        if (status.containsKey("error")) {
            text.append("    Status: not read: ").append(status.get("error")).append('\n');
        } else {
            text.append(String.format(
                    "    Status: %s, query %s, submitted %s, started %s, ended %s, %s credits, queue position %s%n",
                    status.get("state"),
                    status.get("queryId"),
                    status.get("submittedAt"),
                    status.get("startedAt"),
                    status.get("endedAt"),
                    status.get("executionCostCredits"),
                    status.get("queuePosition")));
        }
        errors(text, execution.getCollection("errors"));
    }

    /** One saved query: its waits, run times and meters. */
    static void query(StringBuilder text, JsonObject query) {
        text.append("  Query ").append(query.getString("queryId")).append('\n');
        waiting(text, query.getCollection("waiting"));
        text.append("  Recent run times (ms, newest first): ")
                .append(query.get("recentRunMillis"))
                .append('\n');
        meters(text, query.getCollection("meters"));
    }

    /** The budgets. */
    static void budgets(StringBuilder text, JsonObject budgets) {
        text.append("  Component budget: ")
                .append(budgets.get("component") == null ? "none" : budgets.get("component"))
                .append('\n');
        text.append("  Endpoint budgets:")
                .append(budgets.getCollection("endpoints").isEmpty() ? " none" : "")
                .append('\n');
        for (Object e : budgets.getCollection("endpoints")) {
            JsonObject endpoint = (JsonObject) e;
            text.append("    ")
                    .append(endpoint.get("endpoint"))
                    .append(": ")
                    .append(endpoint.get("budget"))
                    .append('\n');
        }
        text.append("  Executions followed until their cost is known: ")
                .append(budgets.get("executionsFollowed"))
                .append('\n');
    }

    private static void waiting(StringBuilder text, java.util.Collection<Object> waiting) {
        text.append("  Waiting on ").append(waiting.size()).append(" execution(s):\n");
        for (Object w : waiting) {
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
    }

    private static void meters(StringBuilder text, java.util.Collection<Object> meters) {
        text.append("  Meters:\n");
        for (Object m : meters) {
            JsonObject meter = (JsonObject) m;
            text.append("    ")
                    .append(meter.getString("name"))
                    .append(meter.get("tags"))
                    .append(" = ")
                    .append(meter.get("value"))
                    .append(meter.containsKey("count") ? " ms in all, " + meter.get("count") + " times" : "")
                    .append('\n');
        }
    }

    private static void errors(StringBuilder text, java.util.Collection<Object> errors) {
        text.append("  Last errors:\n");
        for (Object e : errors) {
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
}
