package io.github.cameldune.emulator.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dune's materialized views on DuckDB: a saved query's result kept as the table {@code dune.<handle>.result_<name>},
 * which other queries read. An upsert checks the name, the source query and the schedule as Dune does and refreshes;
 * every refresh is an ordinary execution of the source query (its id, states and credits), and only a completed one
 * replaces the table, billed as a write of its size; the views' sizes count against the plan's storage with the
 * uploaded tables. A schedule is kept and its next time reported; the emulator does not fire it on its own.
 */
public final class MaterializedViews {

    /** Dune's rule for the bare name (the server's validator, as Dune's CLI mirrors it). */
    public static final Pattern NAME = Pattern.compile("^result_([a-z0-9_]*[a-z0-9]+)?$");

    /** A view's schedule; {@code expiresAt} null when it never stops. */
    public record Schedule(Cron cron, String performance, String expiresAt) {}

    /** One view as read. */
    public record View(
            String name,
            String fullName,
            long queryId,
            boolean isPrivate,
            Schedule schedule,
            List<String> lastExecutionIds,
            long tableSizeBytes,
            Instant createdAt,
            Instant refreshedAt) {}

    /** What an upsert or a refresh started: the view's full name and the refresh's execution. */
    public record Refreshing(String fullName, Execution execution) {}

    private final ExecutionEngine engine;
    private final Database database;
    private final Settings settings;
    private final Credits credits;
    /** By bare name, in creation order. */
    private final Map<String, View> views = new LinkedHashMap<>();
    /** The views' bytes, readable without the lock: the uploads check the cap while holding their own. */
    private final java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();

    MaterializedViews(ExecutionEngine engine, Database database, Settings settings, Credits credits) {
        this.engine = engine;
        this.database = database;
        this.settings = settings;
        this.credits = credits;
    }

    /**
     * Creates the view of a query, or replaces every setting of the query's view (an absent schedule clears it), and
     * refreshes it.
     *
     * @throws InvalidRequestException  for a bad name, schedule, tier or expiry, a source query that cannot be one, or
     *                                  a name another query's view holds
     * @throws NotFoundException        for an unknown query
     * @throws StorageFullException     when the stored tables already fill the plan
     */
    public Refreshing upsert(
            String name, Long queryId, String cronExpression, String performance, Boolean isPrivate, String expiresAt) {
        if (name == null
                || name.length() < 8
                || name.length() > 128
                || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("Invalid materialized view name '" + name + "': it must start with "
                    + "result_, be 8 to 128 lowercase letters, digits and underscores, and not end with an underscore");
        }
        if (queryId == null) {
            throw new InvalidRequestException("query_id is required");
        }
        QueryLibrary.View source =
                engine.library().find(queryId).orElseThrow(() -> new NotFoundException("Query not found"));
        if (source.info().isTemp() || source.info().isArchived()) {
            throw new InvalidRequestException("Query " + queryId + " cannot be materialized: it is "
                    + (source.info().isTemp() ? "temporary" : "archived"));
        }
        if (!source.query().parameters().isEmpty()) {
            throw new InvalidRequestException("Query " + queryId + " cannot be materialized: it has parameters "
                    + source.query().parameters().keySet());
        }
        checkTier(performance);
        Schedule schedule = null;
        if (cronExpression != null) {
            schedule = new Schedule(Cron.parse(cronExpression), performance, expiresAt(expiresAt));
        } else if (expiresAt != null) {
            throw new InvalidRequestException("expires_at applies only with a cron_expression");
        }
        synchronized (this) {
            View existing = views.get(name);
            if (existing != null && existing.queryId() != queryId) {
                throw new InvalidRequestException("A materialized view named " + name + " exists for query "
                        + existing.queryId() + ": names are unique and a view's query does not change");
            }
            View ofQuery = views.values().stream()
                    .filter(v -> v.queryId() == queryId)
                    .findFirst()
                    .orElse(null);
            if (ofQuery != null && !ofQuery.name().equals(name)) {
                throw new InvalidRequestException("Query " + queryId + " is materialized as " + ofQuery.name()
                        + ": a view's name does not change");
            }
            checkRoom();
            put(new View(
                    name,
                    fullName(name),
                    queryId,
                    isPrivate != null && isPrivate,
                    schedule,
                    existing == null ? List.of() : existing.lastExecutionIds(),
                    existing == null ? 0 : existing.tableSizeBytes(),
                    existing == null ? Instant.now() : existing.createdAt(),
                    existing == null ? Instant.now() : existing.refreshedAt()));
        }
        return refresh(name, performance, Execution.Listener.NONE);
    }

    /**
     * Refreshes a view by its full name: a new execution of its query.
     *
     * @throws NotFoundException    when there is no such view of this account
     * @throws StorageFullException when the stored tables already fill the plan
     */
    public Refreshing refreshByFullName(String fullName, String performance) {
        checkTier(performance);
        return refresh(bareName(fullName).orElseThrow(() -> notFound(fullName)), performance, Execution.Listener.NONE);
    }

    /** A pipeline node's refresh: the same, and {@code then} told when it ended. */
    Execution refreshNode(String fullName, String performance, Execution.Listener then) {
        return refresh(bareName(fullName).orElseThrow(() -> notFound(fullName)), performance, then)
                .execution();
    }

    private Refreshing refresh(String name, String performance, Execution.Listener then) {
        View view;
        synchronized (this) {
            view = views.get(name);
            if (view == null) {
                throw notFound(fullName(name));
            }
            checkRoom();
        }
        Execution execution = engine.executeQuery(view.queryId(), Map.of(), performance, new Refresh(name, then))
                .orElseThrow(() -> new NotFoundException("Query not found"));
        synchronized (this) {
            View now = views.get(name);
            if (now != null) {
                List<String> ids = new ArrayList<>();
                ids.add(execution.id());
                ids.addAll(now.lastExecutionIds()
                        .subList(0, Math.min(9, now.lastExecutionIds().size())));
                put(with(now, List.copyOf(ids), now.tableSizeBytes(), now.refreshedAt()));
            }
        }
        return new Refreshing(view.fullName(), execution);
    }

    /** The view of a full name {@code dune.<handle>.result_x} (the handle may be quoted), if it is this account's. */
    public synchronized Optional<View> find(String fullName) {
        return bareName(fullName).map(views::get);
    }

    /** Every view of the account, in creation order. */
    public synchronized List<View> list() {
        return List.copyOf(views.values());
    }

    /** Drops a view and its table; false when there is none of that full name. */
    public boolean delete(String fullName) {
        String name;
        synchronized (this) {
            name = bareName(fullName).orElse(null);
            View removed = name == null ? null : views.remove(name);
            if (removed == null) {
                return false;
            }
            stored.addAndGet(-removed.tableSizeBytes());
        }
        database.run("DROP TABLE IF EXISTS " + sqlName(name));
        return true;
    }

    /** The bytes the views' tables hold. */
    public long bytesStored() {
        return stored.get();
    }

    /** Sets a view, its size counted. */
    private void put(View view) {
        View before = views.put(view.name(), view);
        stored.addAndGet(view.tableSizeBytes() - (before == null ? 0 : before.tableSizeBytes()));
    }

    /** Drops every view (the emulator's reset). */
    public void dropAll() {
        for (View v : list()) {
            delete(v.fullName());
        }
    }

    /** {@code dune.<handle>.<name>}, the handle quoted when it starts with a digit, as Dune writes it in SQL. */
    String fullName(String name) {
        String handle = settings.handle();
        return "dune." + (Character.isDigit(handle.charAt(0)) ? '"' + handle + '"' : handle) + "." + name;
    }

    /** The bare name of a full name of this account's views, quotes on the handle allowed. */
    private Optional<String> bareName(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        String[] parts = fullName.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equalsIgnoreCase("dune")) {
            return Optional.empty();
        }
        String handle = parts[1].replace("\"", "");
        return handle.equalsIgnoreCase(settings.handle()) && views.containsKey(parts[2])
                ? Optional.of(parts[2])
                : Optional.empty();
    }

    private String sqlName(String name) {
        return "dune.\"" + settings.handle() + "\".\"" + name + "\"";
    }

    private void checkRoom() {
        long used = engine.bytesStored();
        if (used >= settings.storageLimit()) {
            throw new StorageFullException("Storage limit reached: " + used + " bytes stored and the plan allows "
                    + settings.storageLimit() + " (the emulator's answer: Dune documents the caps per plan, not the "
                    + "status or the message)");
        }
    }

    private static void checkTier(String performance) {
        if (performance != null && !List.of("small", "medium", "large", "free").contains(performance)) {
            throw new InvalidRequestException("Invalid performance '" + performance + "': small, medium or large");
        }
    }

    private static String expiresAt(String text) {
        if (text == null) {
            return null;
        }
        try {
            java.time.OffsetDateTime.parse(text);
            return text;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(
                    "Invalid expires_at '" + text + "': an RFC 3339 time such as " + "2027-01-01T00:00:00Z");
        }
    }

    private NotFoundException notFound(String fullName) {
        return new NotFoundException("Materialized view not found: " + fullName);
    }

    private static View with(View v, List<String> ids, long bytes, Instant refreshedAt) {
        return new View(
                v.name(),
                v.fullName(),
                v.queryId(),
                v.isPrivate(),
                v.schedule(),
                ids,
                bytes,
                v.createdAt(),
                refreshedAt);
    }

    /** The next time a view's schedule fires, or null without one. */
    public static Instant nextRefresh(View view, Instant now) {
        return view.schedule() == null ? null : view.schedule().cron().next(now);
    }

    /**
     * A refresh's end: a completed one replaces the view's table with its rows, billed as a write of its size and
     * refused (the execution FAILED) when it would take the account past its storage; any other end keeps the last
     * table.
     */
    private final class Refresh implements Execution.Listener {
        private final String name;
        private final Execution.Listener then;

        Refresh(String name, Execution.Listener then) {
            this.name = name;
            this.then = then;
        }

        @Override
        public void ended(Execution execution) {
            then.ended(execution);
        }

        @Override
        public void completing(Execution execution, Execution.Result result) throws SQLException {
            long bytes = result == null ? 0 : result.totalResultSetBytes();
            synchronized (MaterializedViews.this) {
                View view = views.get(name);
                if (view == null) {
                    throw new InvalidRequestException("The materialized view " + fullName(name) + " was deleted");
                }
                long others = engine.bytesStored() - view.tableSizeBytes();
                if (others + bytes > settings.storageLimit()) {
                    throw new InvalidRequestException("Storage limit reached: the materialized view " + view.fullName()
                            + " needs " + bytes + " bytes, " + others + " are stored and the plan allows "
                            + settings.storageLimit());
                }
                try (Connection c = database.connect();
                        Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA IF NOT EXISTS dune.\"" + settings.handle() + "\"");
                    s.execute("CREATE OR REPLACE TABLE " + sqlName(name) + " AS " + execution.sql());
                }
                put(with(view, view.lastExecutionIds(), bytes, Instant.now()));
            }
            credits.written(bytes);
        }
    }
}
