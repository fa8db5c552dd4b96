package io.github.cameldune.emulator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dune's pipelines: a query's lineage (the account's materialized views its SQL reads, and the views theirs read, in
 * dependency order, the query last) and its executions, each node an ordinary execution (a view's refresh or the
 * query's execution) started once every node it depends on completed. A node that fails or is cancelled starts no
 * further node, and the pipeline ends with it.
 */
public final class Pipelines {

    /** {@code dune.<schema>.<table>}, the schema maybe double-quoted. */
    private static final Pattern TABLE_REFERENCE =
            Pattern.compile("(?i)\\bdune\\s*\\.\\s*(\"[^\"]+\"|[a-z0-9_]+)\\s*\\.\\s*(\"[^\"]+\"|[a-z0-9_]+)");

    /** A node of a pipeline: a view's refresh ({@code viewName} set) or the execution of a query. */
    public record Node(
            int id,
            List<Integer> dependencies,
            String viewName,
            Long queryId,
            Map<String, Object> queryParameters,
            String performance) {

        /** Whether this node refreshes a materialized view. */
        public boolean isRefresh() {
            return viewName != null;
        }
    }

    /** A node's execution so far; {@code execution} null until it started. */
    public record NodeRun(Node node, Execution execution, String error) {}

    /** A pipeline execution as read. */
    public record Status(String id, String status, String error, List<NodeRun> nodes) {}

    private final ExecutionEngine engine;
    private final MaterializedViews views;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    Pipelines(ExecutionEngine engine, MaterializedViews views) {
        this.engine = engine;
        this.views = views;
    }

    /**
     * The lineage of a query for these parameter values, every node on this tier (medium when null).
     *
     * @throws NotFoundException       for an unknown query
     * @throws InvalidRequestException for views that read each other in a cycle, or bad parameters
     */
    public List<Node> lineage(long queryId, Map<String, Object> parameters, String performance) {
        SavedQuery query = engine.query(queryId).orElseThrow(() -> new NotFoundException("Query not found"));
        String tier = performance == null ? "medium" : performance;
        Map<String, List<String>> reads = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        List<String> direct = viewsRead(query.render(parameters).sql());
        for (String view : direct) {
            visit(view, reads, order, new LinkedHashSet<>());
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (String view : order) {
            ids.put(view, nodes.size() + 1);
            nodes.add(new Node(nodes.size() + 1, idsOf(reads.get(view), ids), view, null, null, tier));
        }
        nodes.add(new Node(nodes.size() + 1, idsOf(direct, ids), null, queryId, Map.copyOf(parameters), tier));
        return List.copyOf(nodes);
    }

    /** Depth first: a view after the views it reads; a view met again on the way down is a cycle. */
    private void visit(String view, Map<String, List<String>> reads, List<String> order, Set<String> path) {
        if (reads.containsKey(view)) {
            return;
        }
        if (!path.add(view)) {
            throw new InvalidRequestException(
                    "The materialized views read each other in a cycle: " + String.join(" -> ", path) + " -> " + view);
        }
        MaterializedViews.View v = views.find(view).orElseThrow();
        String sql = engine.query(v.queryId()).map(SavedQuery::sql).orElse("");
        List<String> read = viewsRead(sql);
        for (String r : read) {
            visit(r, reads, order, path);
        }
        path.remove(view);
        reads.put(view, read);
        order.add(view);
    }

    /** The account's views a SQL text reads, by full name, in order of first mention. */
    private List<String> viewsRead(String sql) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = TABLE_REFERENCE.matcher(sql);
        while (m.find()) {
            String full = "dune." + m.group(1) + "." + m.group(2).replace("\"", "");
            views.find(full).ifPresent(v -> found.add(v.fullName()));
        }
        return List.copyOf(found);
    }

    private static List<Integer> idsOf(List<String> views, Map<String, Integer> ids) {
        return views.stream().map(ids::get).toList();
    }

    /**
     * Starts a pipeline of nodes, checked first: unique ids, known dependencies, no cycle, one kind per node, and every
     * view and query there.
     *
     * @return its id
     */
    public String execute(List<Node> nodes) {
        check(nodes);
        Run run = new Run(Ulid.next(), nodes);
        runs.put(run.id, run);
        run.advance();
        return run.id;
    }

    /** A pipeline execution, if there is one of this id. */
    public Optional<Status> status(String pipelineExecutionId) {
        Run run = runs.get(pipelineExecutionId);
        return run == null ? Optional.empty() : Optional.of(run.status());
    }

    /** Forgets every pipeline execution (the emulator's reset). */
    public void clear() {
        runs.clear();
    }

    private void check(List<Node> nodes) {
        if (nodes.isEmpty()) {
            throw new InvalidRequestException("A pipeline needs at least one node");
        }
        Map<Integer, Node> byId = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (byId.put(n.id(), n) != null) {
                throw new InvalidRequestException("Node id " + n.id() + " appears twice");
            }
            if ((n.viewName() == null) == (n.queryId() == null)) {
                throw new InvalidRequestException("Node " + n.id() + " must have exactly one of query_execution and "
                        + "materialized_view_refresh");
            }
            if (n.isRefresh() && views.find(n.viewName()).isEmpty()) {
                throw new NotFoundException("Materialized view not found: " + n.viewName());
            }
            if (!n.isRefresh() && engine.query(n.queryId()).isEmpty()) {
                throw new NotFoundException("Query not found: " + n.queryId());
            }
        }
        for (Node n : nodes) {
            for (int d : n.dependencies()) {
                if (!byId.containsKey(d)) {
                    throw new InvalidRequestException(
                            "Node " + n.id() + " depends on node " + d + ", which is not in " + "the pipeline");
                }
            }
        }
        // Kahn: every node must become startable
        Set<Integer> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Node n : nodes) {
                if (!done.contains(n.id()) && done.containsAll(n.dependencies())) {
                    done.add(n.id());
                    progress = true;
                }
            }
        }
        if (done.size() != nodes.size()) {
            throw new InvalidRequestException("The nodes' dependencies form a cycle");
        }
    }

    /** One pipeline execution: its nodes' executions, started as their dependencies complete. */
    private final class Run implements Execution.Listener {
        final String id;
        final List<Node> nodes;
        final Map<Integer, Execution> started = new LinkedHashMap<>();
        final Map<Integer, String> refused = new LinkedHashMap<>();

        Run(String id, List<Node> nodes) {
            this.id = id;
            this.nodes = nodes;
        }

        @Override
        public void ended(Execution execution) {
            advance();
        }

        /** Starts every node whose dependencies completed, unless a node failed or was cancelled. */
        synchronized void advance() {
            if (!refused.isEmpty() || started.values().stream().anyMatch(e -> stopped(e.state()))) {
                return;
            }
            for (Node n : nodes) {
                if (started.containsKey(n.id()) || !n.dependencies().stream().allMatch(this::completed)) {
                    continue;
                }
                try {
                    started.put(n.id(), start(n));
                } catch (RuntimeException e) {
                    refused.put(n.id(), e.getMessage());
                    return;
                }
            }
        }

        private Execution start(Node n) {
            if (n.isRefresh()) {
                return views.refreshNode(n.viewName(), n.performance(), this);
            }
            return engine.executeQuery(n.queryId(), n.queryParameters(), n.performance(), this)
                    .orElseThrow(() -> new NotFoundException("Query not found: " + n.queryId()));
        }

        private boolean completed(int nodeId) {
            Execution e = started.get(nodeId);
            return e != null && e.state() == ExecutionState.COMPLETED;
        }

        synchronized Status status() {
            List<NodeRun> out = new ArrayList<>();
            String error = null;
            String overall = started.isEmpty() ? "pending" : "executing";
            boolean allCompleted = true;
            for (Node n : nodes) {
                Execution e = started.get(n.id());
                String nodeError = refused.get(n.id());
                if (e != null && e.state() == ExecutionState.FAILED) {
                    Execution.Failure f = e.snapshot().failure();
                    nodeError = f == null ? "failed" : f.message();
                }
                if (nodeError != null && error == null) {
                    error = "Node " + n.id() + " (" + describe(n) + ") failed: " + nodeError;
                    overall = "failed";
                } else if (e != null && e.state() == ExecutionState.CANCELLED && !"failed".equals(overall)) {
                    overall = "cancelled";
                }
                allCompleted &= e != null && e.state() == ExecutionState.COMPLETED;
                out.add(new NodeRun(n, e, nodeError));
            }
            if (allCompleted) {
                overall = "completed";
            }
            return new Status(id, overall, error, out);
        }
    }

    private static String describe(Node n) {
        return n.isRefresh() ? "refresh of " + n.viewName() : "query " + n.queryId();
    }

    private static boolean stopped(ExecutionState state) {
        return state == ExecutionState.FAILED || state == ExecutionState.CANCELLED || state == ExecutionState.EXPIRED;
    }
}
