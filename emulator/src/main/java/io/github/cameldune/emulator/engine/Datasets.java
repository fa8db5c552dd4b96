package io.github.cameldune.emulator.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dune's dataset catalog over what the emulator holds: the bundled sample tables (a spell, a raw table and decoded
 * tables, described as Dune describes them), the account's uploaded tables and its materialized views. Columns and
 * types are read from DuckDB as they are now; partition columns are marked as filtering columns, as on Dune, because
 * filtering on them cuts the data read.
 */
public final class Datasets {

    /** A column: Dune's type, and whether filtering on it prunes partitions. */
    public record Column(String name, String type, boolean nullable, boolean filtering) {}

    /** A dataset as the catalog describes it. */
    public record Dataset(
            String fullName,
            String type,
            String category,
            String ownerHandle,
            String ownerType,
            List<String> blockchains,
            String description,
            Map<String, Object> metadata,
            boolean isPrivate,
            Instant createdAt,
            Instant updatedAt,
            List<Column> columns) {

        /** The schema part of the full name: {@code dex} of {@code dex.trades}, the namespace of a Dune table. */
        public String schema() {
            String[] parts = fullName.split("\\.");
            return parts.length == 3 ? parts[1] : parts[0];
        }
    }

    /** A search: every field optional. */
    public record Search(
            String query,
            List<String> categories,
            List<String> blockchains,
            List<String> datasetTypes,
            List<String> schemas,
            String ownerScope,
            boolean includePrivate) {}

    private record Sample(
            String fullName,
            String type,
            String category,
            List<String> blockchains,
            String description,
            Map<String, Object> metadata,
            Set<String> partitions) {}

    private static final Instant SAMPLED = Instant.parse("2024-01-15T00:00:00Z");
    private static final List<Sample> SAMPLES = List.of(
            new Sample(
                    "dex.trades",
                    "spell",
                    "spell",
                    List.of("ethereum", "arbitrum", "base"),
                    "DEX trades across chains and projects, one row per trade, with USD amounts",
                    Map.of("page_rank_score", 0.9, "spell_type", "sector", "project_name", "dex"),
                    Set.of("block_month")),
            new Sample(
                    "ethereum.blocks",
                    "dune_table",
                    "canonical",
                    List.of("ethereum"),
                    "Ethereum blocks: number, time, hash, miner, gas",
                    Map.of("page_rank_score", 0.8),
                    Set.of("date")),
            new Sample(
                    "uniswap_v3_ethereum.UniswapV3Pool_evt_Swap",
                    "decoded_table",
                    "decoded",
                    List.of("ethereum"),
                    "Swap events of Uniswap V3 pools on Ethereum",
                    Map.of("abi_type", "event", "contract_name", "UniswapV3Pool", "project_name", "uniswap_v3"),
                    Set.of("evt_block_date")),
            new Sample(
                    "uniswap_v3_ethereum.UniswapV3Pool_call_swap",
                    "decoded_table",
                    "decoded",
                    List.of("ethereum"),
                    "Calls of swap on Uniswap V3 pools on Ethereum",
                    Map.of("abi_type", "call", "contract_name", "UniswapV3Pool", "project_name", "uniswap_v3"),
                    Set.of("call_block_date")),
            new Sample(
                    "erc20_ethereum.evt_Transfer",
                    "decoded_table",
                    "decoded",
                    List.of("ethereum"),
                    "Transfer events of ERC-20 tokens on Ethereum",
                    Map.of("abi_type", "event", "contract_name", "ERC20", "project_name", "erc20"),
                    Set.of("evt_block_date")));

    private final Database database;
    private final Settings settings;
    private final Uploads uploads;
    private final MaterializedViews views;

    Datasets(Database database, Settings settings, Uploads uploads, MaterializedViews views) {
        this.database = database;
        this.settings = settings;
        this.uploads = uploads;
        this.views = views;
    }

    /** Every dataset: the samples, then the uploaded tables, then the materialized views. */
    public List<Dataset> all() {
        List<Dataset> out = new ArrayList<>();
        try (Connection c = database.connect()) {
            for (Sample s : SAMPLES) {
                String[] parts = s.fullName().split("\\.");
                out.add(new Dataset(
                        s.fullName(),
                        s.type(),
                        s.category(),
                        "dune",
                        "team",
                        s.blockchains(),
                        s.description(),
                        s.metadata(),
                        false,
                        SAMPLED,
                        SAMPLED,
                        columns(c, null, parts[0], parts[1], s.partitions())));
            }
            for (Uploads.Table t : uploads.list()) {
                out.add(own(
                        t.fullName(),
                        "uploaded_table",
                        t.description(),
                        t.isPrivate(),
                        t.createdAt(),
                        t.updatedAt(),
                        columns(c, "dune", t.namespace(), t.name(), Set.of())));
            }
            for (MaterializedViews.View v : views.list()) {
                out.add(own(
                        v.fullName(),
                        "materialized_view",
                        "The result of query " + v.queryId() + ", kept as a table",
                        v.isPrivate(),
                        v.createdAt(),
                        v.refreshedAt(),
                        columns(c, "dune", settings.handle(), v.name(), Set.of())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
        return out;
    }

    private Dataset own(
            String fullName,
            String type,
            String description,
            boolean isPrivate,
            Instant created,
            Instant updated,
            List<Column> columns) {
        return new Dataset(
                fullName,
                type,
                "community",
                settings.handle(),
                "user",
                List.of(),
                description == null ? "" : description,
                Map.of(),
                isPrivate,
                created,
                updated,
                columns);
    }

    /** The dataset of a full name, compared without regard to case (DuckDB's and Dune's names ignore it). */
    public Optional<Dataset> find(String fullName) {
        return all().stream()
                .filter(d -> d.fullName().equalsIgnoreCase(fullName))
                .findFirst();
    }

    /** The datasets of an owner and of any of some types (null or empty: any). */
    public List<Dataset> list(String ownerHandle, List<String> types) {
        return all().stream()
                .filter(d -> ownerHandle == null || d.ownerHandle().equals(ownerHandle))
                .filter(d -> types == null || types.isEmpty() || types.contains(d.type()))
                .toList();
    }

    /**
     * A search: datasets matching every filter and at least one word of the query (all for none or {@code *}), the
     * ones matching more words first; private ones only when asked.
     */
    public List<Dataset> search(Search s) {
        List<String> words =
                s.query() == null || s.query().isBlank() || s.query().trim().equals("*")
                        ? List.of()
                        : Arrays.stream(s.query().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+"))
                                .filter(w -> !w.isEmpty())
                                .toList();
        boolean mine = "me".equals(s.ownerScope()) || "team".equals(s.ownerScope());
        return all().stream()
                .filter(d -> s.includePrivate() || !d.isPrivate())
                .filter(d -> !mine || d.ownerHandle().equals(settings.handle()))
                .filter(d -> none(s.categories()) || s.categories().contains(d.category()))
                .filter(d -> none(s.datasetTypes()) || s.datasetTypes().contains(d.type()))
                .filter(d -> none(s.schemas()) || s.schemas().contains(d.schema()))
                .filter(d -> none(s.blockchains()) || d.blockchains().stream().anyMatch(s.blockchains()::contains))
                .filter(d -> words.isEmpty() || score(d, words) > 0)
                .sorted(Comparator.comparingInt((Dataset d) -> -score(d, words)).thenComparing(Dataset::fullName))
                .toList();
    }

    /**
     * The decoded tables of a contract: those whose {@code contract_address} column holds the address, on the given
     * chains (null or empty: any).
     *
     * @throws InvalidRequestException when the address is not 0x and hex digits
     */
    public List<Dataset> byContract(String address, List<String> blockchains) {
        if (address == null || !address.matches("0x[0-9a-fA-F]+") || address.length() % 2 != 0) {
            throw new InvalidRequestException("contract_address must be an address such as 0x1f98...: was " + address);
        }
        byte[] bytes = HexFormat.of().parseHex(address.substring(2));
        List<Dataset> out = new ArrayList<>();
        try (Connection c = database.connect()) {
            for (Dataset d : all()) {
                if (!d.type().equals("decoded_table")
                        || !none(blockchains) && d.blockchains().stream().noneMatch(blockchains::contains)) {
                    continue;
                }
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM " + d.fullName() + " WHERE contract_address = ? LIMIT 1")) {
                    ps.setBytes(1, bytes);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(d);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search the decoded tables: " + e.getMessage(), e);
        }
        return out;
    }

    private static int score(Dataset d, List<String> words) {
        String text = (d.fullName() + " " + d.description() + " " + d.category() + " " + d.type() + " "
                        + String.join(" ", d.blockchains()))
                .toLowerCase(Locale.ROOT);
        int score = 0;
        for (String w : words) {
            score += text.contains(w) ? 1 : 0;
        }
        return score;
    }

    private static boolean none(List<String> filter) {
        return filter == null || filter.isEmpty();
    }

    /** The columns of a table or view as DuckDB has them now; {@code catalog} null for the sample database. */
    private static List<Column> columns(
            Connection c, String catalog, String schema, String table, Set<String> partitions) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, is_nullable "
                + "FROM information_schema.columns WHERE table_catalog = coalesce(?, current_database()) "
                + "AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?) ORDER BY ordinal_position")) {
            ps.setString(1, catalog);
            ps.setString(2, schema);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Column(
                            rs.getString(1),
                            Database.duneType(rs.getString(2)),
                            "YES".equals(rs.getString(3)),
                            partitions.contains(rs.getString(1))));
                }
            }
        }
        return out;
    }
}
