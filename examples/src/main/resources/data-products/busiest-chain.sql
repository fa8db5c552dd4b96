-- id: 2002
-- name: Busiest chain
SELECT blockchain, trades, volume_usd
FROM dune.emulator.result_trades_by_chain
ORDER BY trades DESC
LIMIT 1
