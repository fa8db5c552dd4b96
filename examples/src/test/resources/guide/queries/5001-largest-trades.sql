-- id: 5001
-- name: Largest DEX trades
-- param: min_usd number = 100000
-- param: chain enum(ethereum,arbitrum,base) = ethereum
-- min_duration: 1s
SELECT block_time, project, token_pair, amount_usd, tx_hash
FROM dex.trades
WHERE blockchain = '{{chain}}' AND amount_usd >= {{min_usd}}
ORDER BY amount_usd DESC
LIMIT 20
