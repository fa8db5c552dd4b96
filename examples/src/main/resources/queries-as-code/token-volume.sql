-- name: DEX volume by project
-- description: USD volume and trade count per project on one chain
-- tags: dex,volume
-- param: blockchain enum(ethereum,arbitrum,base) = ethereum
SELECT project, count(*) AS trades, round(sum(amount_usd), 2) AS volume_usd
FROM dex.trades
WHERE blockchain = '{{blockchain}}'
GROUP BY project
ORDER BY volume_usd DESC
