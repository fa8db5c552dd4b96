-- id: 1001
-- name: Daily DEX volume by project
-- description: USD volume and trade count per day and project on one chain, over a date range
-- param: blockchain enum(ethereum,arbitrum,base) = ethereum
-- param: start_date datetime = 2024-01-01 00:00:00
-- param: end_date datetime = 2024-01-15 00:00:00
SELECT date_trunc('day', block_time) AS day,
       project,
       count(*) AS trades,
       sum(amount_usd) AS volume_usd
FROM dex.trades
WHERE blockchain = '{{blockchain}}'
  AND block_time >= TIMESTAMP '{{start_date}}'
  AND block_time < TIMESTAMP '{{end_date}}'
GROUP BY 1, 2
ORDER BY 1, 2
