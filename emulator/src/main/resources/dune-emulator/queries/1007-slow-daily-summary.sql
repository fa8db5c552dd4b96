-- id: 1007
-- name: Slow daily summary
-- description: a small daily summary that takes at least two seconds, for testing waits
-- min_duration: 2s
SELECT date_trunc('day', block_time) AS day,
       count(*) AS trades,
       sum(amount_usd) AS volume_usd
FROM dex.trades
GROUP BY 1
ORDER BY 1
