-- id: 1002
-- name: Top traders by volume
-- description: the traders with the most USD volume over a date range
-- param: start_date datetime = 2024-01-01 00:00:00
-- param: end_date datetime = 2024-01-15 00:00:00
-- param: top_n number = 10
SELECT taker AS trader,
       count(*) AS trades,
       sum(amount_usd) AS volume_usd,
       count(DISTINCT project) AS projects
FROM dex.trades
WHERE block_time >= TIMESTAMP '{{start_date}}'
  AND block_time < TIMESTAMP '{{end_date}}'
  AND amount_usd IS NOT NULL
GROUP BY taker
ORDER BY volume_usd DESC, trader
LIMIT {{top_n}}
