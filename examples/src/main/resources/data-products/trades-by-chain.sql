-- id: 2001
-- name: Trades and volume by chain
SELECT blockchain, count(*) AS trades, sum(amount_usd) AS volume_usd
FROM dex.trades
GROUP BY blockchain
