package io.github.cameldune.emulator.data;

import io.github.cameldune.emulator.engine.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The bundled sample dataset, shaped like Dune's tables and generated in DuckDB at start: deterministic (every value
 * derives from the row number), so the same query always gives the same rows.
 * <ul>
 * <li>{@code ethereum.blocks}: {@value #BLOCKS} blocks, one every 12 seconds from 2024-01-01 00:00 UTC.</li>
 * <li>{@code dex.trades}: {@value #TRADES} trades over the same two weeks, on three chains and six DEX projects, with
 * a heavy-tailed population of 5,000 traders (trader 0 trades the most: {@value #BUSIEST_TRADER}).</li>
 * <li>Decoded tables, views of the Ethereum trades as Dune decodes contracts: {@code
 * uniswap_v3_ethereum.UniswapV3Pool_evt_Swap} and {@code UniswapV3Pool_call_swap} (the Uniswap pools, such as the
 * WETH-USDC pool {@value #UNISWAP_WETH_USDC_POOL}), and {@code erc20_ethereum.evt_Transfer} (the tokens, such as WETH
 * {@value #WETH}).</li>
 * </ul>
 */
public final class SampleData {

    /** Rows in {@code ethereum.blocks}. */
    public static final int BLOCKS = 100_000;
    /** Rows in {@code dex.trades}. */
    public static final int TRADES = 200_000;
    /** The address of the busiest trader, the default of the wallet lookup query. */
    public static final String BUSIEST_TRADER = "0xe03b4de29ba24ee38cc640a73f40db50dd52f479";
    /** The contract of the sample WETH-USDC Uniswap pool, in the decoded Uniswap tables. */
    public static final String UNISWAP_WETH_USDC_POOL = "0x885025a169b817a1aa0ae21c5b2a2ca2f5089df1";
    /** The contract of the sample WETH token, in {@code erc20_ethereum.evt_Transfer}. */
    public static final String WETH = "0x52589a85f668e2db5db228619436e04cdcec0465";

    private SampleData() {}

    /**
     * Loads every {@code .csv} and {@code .parquet} file of a folder as a table named after the file:
     * {@code dex.my_trades.csv} becomes {@code dex.my_trades}, {@code prices.parquet} becomes {@code prices}. DuckDB
     * infers the column types.
     */
    public static void loadFolder(Database db, Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String reader =
                        name.endsWith(".csv") ? "read_csv_auto" : name.endsWith(".parquet") ? "read_parquet" : null;
                if (reader == null) {
                    continue;
                }
                String[] parts = name.substring(0, name.lastIndexOf('.')).split("\\.", 2);
                String table = parts.length == 2 ? quote(parts[0]) + "." + quote(parts[1]) : quote(parts[0]);
                if (parts.length == 2) {
                    db.run("CREATE SCHEMA IF NOT EXISTS " + quote(parts[0]));
                }
                db.run("CREATE OR REPLACE TABLE " + table + " AS SELECT * FROM " + reader + "('"
                        + file.toAbsolutePath().toString().replace("'", "''") + "')");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data files from " + folder, e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Creates and fills the sample tables. */
    public static void load(Database db) {
        db.run(
                "CREATE SCHEMA IF NOT EXISTS ethereum",
                "CREATE SCHEMA IF NOT EXISTS dex",
                BLOCKS_SQL.replace("$ROWS", String.valueOf(BLOCKS)),
                TRADES_SQL.replace("$ROWS", String.valueOf(TRADES)));
        db.run(DECODED_SQL.split(";"));
    }

    // views, so they cost no memory: the Ethereum trades as a decoder of the pools' and tokens' contracts sees them
    private static final String DECODED_SQL = """
            CREATE SCHEMA IF NOT EXISTS uniswap_v3_ethereum;
            CREATE SCHEMA IF NOT EXISTS erc20_ethereum;
            CREATE VIEW uniswap_v3_ethereum.UniswapV3Pool_evt_Swap AS
            SELECT project_contract_address AS contract_address, tx_hash AS evt_tx_hash, evt_index,
                   block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   tx_to AS sender, taker AS recipient,
                   CAST(token_bought_amount_raw AS HUGEINT) AS amount0, -CAST(token_sold_amount_raw AS HUGEINT) AS amount1
            FROM dex.trades WHERE project = 'uniswap' AND blockchain = 'ethereum';
            CREATE VIEW uniswap_v3_ethereum.UniswapV3Pool_call_swap AS
            SELECT project_contract_address AS contract_address, tx_hash AS call_tx_hash, true AS call_success,
                   block_time AS call_block_time, block_number AS call_block_number, block_date AS call_block_date,
                   taker AS recipient, token_sold_amount_raw AS amountSpecified
            FROM dex.trades WHERE project = 'uniswap' AND blockchain = 'ethereum';
            CREATE VIEW erc20_ethereum.evt_Transfer AS
            SELECT token_bought_address AS contract_address, tx_hash AS evt_tx_hash, evt_index,
                   block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   maker AS "from", taker AS "to", token_bought_amount_raw AS value
            FROM dex.trades WHERE blockchain = 'ethereum'
            """;

    // An address is 20 bytes, as Dune's varbinary: md5 gives 16 (32 hex digits), a second md5 the remaining 4.
    private static final String BLOCKS_SQL = """
            CREATE TABLE ethereum.blocks AS
            SELECT CAST(19000000 + i AS BIGINT) AS number,
                   TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 12) AS time,
                   CAST(TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i * 12) AS DATE) AS date,
                   from_hex(md5('block' || i) || md5('block-' || i)) AS hash,
                   from_hex(md5('block' || (i - 1)) || md5('block-' || (i - 1))) AS parent_hash,
                   from_hex(md5('miner' || (hash(i, 'miner') % 40)) || substr(md5('miner-' || (hash(i, 'miner') % 40)), 1, 8)) AS miner,
                   CAST(30000000 AS BIGINT) AS gas_limit,
                   CAST(8000000 + hash(i, 'gas') % 22000000 AS BIGINT) AS gas_used,
                   CAST(5 + hash(i, 'fee') % 60 AS BIGINT) * 1000000000 AS base_fee_per_gas,
                   CAST(20000 + hash(i, 'size') % 180000 AS BIGINT) AS size
            FROM range(0, $ROWS) t(i)
            ORDER BY number
            """;

    private static final String TRADES_SQL = """
            CREATE TABLE dex.trades AS
            WITH base AS (
                SELECT i,
                       ['ethereum', 'ethereum', 'ethereum', 'arbitrum', 'base'][1 + CAST(hash(i, 'chain') % 5 AS INTEGER)] AS blockchain,
                       ['uniswap', 'uniswap', 'uniswap', 'sushiswap', 'curve', 'balancer', 'pancakeswap'][1 + CAST(hash(i, 'project') % 7 AS INTEGER)] AS project,
                       CAST(hash(i, 'bought') % 8 AS INTEGER) AS a,
                       CAST(hash(i, 'sold') % 7 AS INTEGER) AS b_step,
                       CAST(floor(5000 * pow((hash(i, 'taker') % 1000000) / 1000000.0, 3)) AS INTEGER) AS taker_id,
                       CAST(hash(i, 'maker') % 800 AS INTEGER) AS maker_id,
                       exp(((hash(i, 'usd') % 1000000) / 1000000.0) * 13.8155) AS usd,
                       hash(i, 'null') % 33 = 0 AS usd_unknown,
                       TIMESTAMP '2024-01-01 00:00:00' + to_seconds((i // 2) * 12 + CAST(hash(i, 'sec') % 12 AS INTEGER)) AS block_time,
                       CAST(19000000 + i // 2 AS BIGINT) AS block_number
                FROM range(0, $ROWS) t(i)
            ), tokens AS (
                SELECT ['WETH', 'USDC', 'USDT', 'WBTC', 'DAI', 'UNI', 'LINK', 'PEPE'] AS symbol,
                       [2300.0, 1.0, 1.0, 43000.0, 1.0, 6.5, 15.0, 0.0000012] AS price,
                       [18, 6, 6, 8, 18, 18, 18, 18] AS decimals
            ), priced AS (
                SELECT base.*, (a + 1 + b_step) % 8 AS b, tokens.*
                FROM base, tokens
            )
            SELECT blockchain,
                   project,
                   CASE WHEN project = 'uniswap' THEN ['2', '3'][1 + CAST(hash(i, 'v') % 2 AS INTEGER)] ELSE '1' END AS version,
                   CAST(date_trunc('month', block_time) AS DATE) AS block_month,
                   CAST(block_time AS DATE) AS block_date,
                   block_time,
                   block_number,
                   symbol[a + 1] AS token_bought_symbol,
                   symbol[b + 1] AS token_sold_symbol,
                   least(symbol[a + 1], symbol[b + 1]) || '-' || greatest(symbol[a + 1], symbol[b + 1]) AS token_pair,
                   usd / price[a + 1] AS token_bought_amount,
                   usd / price[b + 1] AS token_sold_amount,
                   CAST(usd / price[a + 1] * pow(10, decimals[a + 1]) AS UHUGEINT) AS token_bought_amount_raw,
                   CAST(usd / price[b + 1] * pow(10, decimals[b + 1]) AS UHUGEINT) AS token_sold_amount_raw,
                   CASE WHEN usd_unknown THEN NULL ELSE usd END AS amount_usd,
                   from_hex(md5('token' || a) || substr(md5('token-' || a), 1, 8)) AS token_bought_address,
                   from_hex(md5('token' || b) || substr(md5('token-' || b), 1, 8)) AS token_sold_address,
                   from_hex(md5('trader' || taker_id) || substr(md5('trader-' || taker_id), 1, 8)) AS taker,
                   from_hex(md5('maker' || maker_id) || substr(md5('maker-' || maker_id), 1, 8)) AS maker,
                   from_hex(md5('pool' || project || least(a, b) || greatest(a, b)) || substr(md5('pool-' || project), 1, 8)) AS project_contract_address,
                   from_hex(md5('tx' || i) || md5('tx-' || i)) AS tx_hash,
                   from_hex(md5('trader' || taker_id) || substr(md5('trader-' || taker_id), 1, 8)) AS tx_from,
                   from_hex(md5('router' || project) || substr(md5('router-' || project), 1, 8)) AS tx_to,
                   CAST(hash(i, 'evt') % 300 AS BIGINT) AS evt_index
            FROM priced
            ORDER BY block_time, evt_index
            """;
}
