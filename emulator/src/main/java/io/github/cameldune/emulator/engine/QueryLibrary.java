package io.github.cameldune.emulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's saved queries as Dune manages them ({@code /v1/query}): created with SQL and typed parameters, read,
 * updated (each update a new version), archived (then neither executed nor edited) and made private or public. The
 * SQL and parameters live in the {@link QueryCatalog} the executions use; the rest, here. The bundled queries are the
 * account's own, at version 1.
 */
public final class QueryLibrary {

    /** A query's state beside its SQL: what Dune's {@code GET /v1/query/{id}} reports. */
    public record Info(
            String description,
            List<String> tags,
            int version,
            boolean isPrivate,
            boolean isArchived,
            boolean isTemp,
            Instant createdAt,
            Instant updatedAt) {

        Info with(String d, List<String> t, int v, boolean p, boolean a) {
            return new Info(d, t, v, p, a, isTemp, createdAt, Instant.now());
        }
    }

    /** One query as read: the catalog's part and the library's. */
    public record View(SavedQuery query, Info info) {}

    /** The fields an update sets; null leaves one as it is. */
    public record Changes(
            String name,
            String sql,
            String description,
            List<String> tags,
            Map<String, QueryParameter> parameters,
            Boolean isPrivate) {}

    private final QueryCatalog catalog;
    private final Map<Long, Info> infos = new ConcurrentHashMap<>();
    /** The bundled queries' state: as saved when the emulator started. */
    private final Info bundled;

    QueryLibrary(QueryCatalog catalog) {
        this.catalog = catalog;
        Instant now = Instant.now();
        this.bundled = new Info("", List.of(), 1, false, false, false, now, now);
    }

    /** Creates a query; its id follows the highest one in the catalog. */
    public synchronized long create(
            String name,
            String sql,
            String description,
            List<String> tags,
            Map<String, QueryParameter> parameters,
            boolean isPrivate,
            boolean isTemp) {
        if (name == null || name.isBlank() || sql == null || sql.isBlank()) {
            throw new InvalidRequestException("name and query_sql are required");
        }
        checkParameters(sql, parameters);
        long id = catalog.all().stream().mapToLong(SavedQuery::id).max().orElse(0) + 1;
        catalog.add(new SavedQuery(id, name, sql, ordered(parameters), Duration.ZERO, null));
        Instant now = Instant.now();
        infos.put(
                id,
                new Info(
                        description == null ? "" : description,
                        List.copyOf(tags),
                        1,
                        isPrivate,
                        false,
                        isTemp,
                        now,
                        now));
        return id;
    }

    /** The query with this id. */
    public Optional<View> find(long id) {
        return catalog.find(id).map(q -> new View(q, infos.getOrDefault(id, bundled)));
    }

    /**
     * The account's queries as Dune's library lists them: by id, without the archived ones (hidden from the library,
     * though still read by id) and the temporary ones.
     */
    public List<View> listed() {
        return catalog.all().stream()
                .sorted(java.util.Comparator.comparingLong(SavedQuery::id))
                .map(q -> new View(q, infos.getOrDefault(q.id(), bundled)))
                .filter(v -> !v.info().isArchived() && !v.info().isTemp())
                .toList();
    }

    /**
     * Applies an update: a new version.
     *
     * @return false when there is no such query
     * @throws ArchivedException when it is archived
     */
    public synchronized boolean update(long id, Changes changes) {
        Optional<View> found = find(id);
        if (found.isEmpty()) {
            return false;
        }
        SavedQuery q = found.get().query();
        Info info = found.get().info();
        if (info.isArchived()) {
            throw new ArchivedException();
        }
        String sql = changes.sql() == null ? q.sql() : changes.sql();
        Map<String, QueryParameter> parameters = changes.parameters() == null ? q.parameters() : changes.parameters();
        checkParameters(sql, parameters);
        catalog.add(new SavedQuery(
                id,
                changes.name() == null ? q.name() : changes.name(),
                sql,
                ordered(parameters),
                q.minDuration(),
                q.maxResultRows()));
        infos.put(
                id,
                info.with(
                        changes.description() == null ? info.description() : changes.description(),
                        changes.tags() == null ? info.tags() : List.copyOf(changes.tags()),
                        info.version() + 1,
                        changes.isPrivate() == null ? info.isPrivate() : changes.isPrivate(),
                        false));
        return true;
    }

    /** Archives or unarchives; false when there is no such query. */
    public synchronized boolean archived(long id, boolean archived) {
        return change(id, i -> i.with(i.description(), i.tags(), i.version(), i.isPrivate(), archived));
    }

    /** Makes private or public; false when there is no such query. */
    public synchronized boolean privacy(long id, boolean isPrivate) {
        return change(id, i -> i.with(i.description(), i.tags(), i.version(), isPrivate, i.isArchived()));
    }

    /** How many of the account's queries are private, as the usage endpoint reports. */
    public long privateCount() {
        return catalog.all().stream()
                .filter(q -> infos.getOrDefault(q.id(), bundled).isPrivate())
                .count();
    }

    /** Whether Dune refuses to execute the query: archived. A temporary one runs, as Dune's CLI runs throwaway SQL. */
    public boolean refusesExecution(long id) {
        Info info = infos.get(id);
        return info != null && info.isArchived();
    }

    /** Forgets every change (the emulator's reset; the catalog is restored apart). */
    public void reset() {
        infos.clear();
    }

    private boolean change(long id, java.util.function.UnaryOperator<Info> how) {
        if (catalog.find(id).isEmpty()) {
            return false;
        }
        infos.put(id, how.apply(infos.getOrDefault(id, bundled)));
        return true;
    }

    /** The parameters in the order they were given, as Dune lists them back. */
    private static Map<String, QueryParameter> ordered(Map<String, QueryParameter> parameters) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Every {{name}} of the SQL is a parameter, and every parameter is used: Dune's "params that don't match". */
    private static void checkParameters(String sql, Map<String, QueryParameter> parameters) {
        java.util.Set<String> used = new java.util.TreeSet<>(SavedQuery.placeholders(sql));
        if (!used.equals(new java.util.TreeSet<>(parameters.keySet()))) {
            throw new InvalidRequestException("The parameters " + new java.util.TreeSet<>(parameters.keySet())
                    + " do not match the query's " + used);
        }
    }

    /** A change to an archived query, which Dune refuses. */
    public static final class ArchivedException extends RuntimeException {
        ArchivedException() {
            super("Not allowed to update this query: it is archived");
        }
    }

    /** Dune's parameter objects as the library keeps them, for a GET. */
    public static List<Map<String, Object>> parameterObjects(SavedQuery q) {
        return q.parameters().values().stream()
                .map(p -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("key", p.name());
                    o.put("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                    o.put("value", p.defaultValue() == null ? "" : p.defaultValue());
                    if (p.type() == QueryParameter.Type.ENUM) {
                        o.put("enumOptions", p.options());
                    }
                    return o;
                })
                .toList();
    }
}
