-- id: 1003
-- name: Wallet DEX trades
-- description: the latest DEX trades of one wallet
-- param: wallet text = 0xe03b4de29ba24ee38cc640a73f40db50dd52f479
-- param: max_rows number = 100
SELECT block_time,
       blockchain,
       project,
       token_pair,
       token_bought_symbol,
       token_bought_amount,
       token_sold_symbol,
       token_sold_amount,
       amount_usd,
       tx_hash
FROM dex.trades
WHERE taker = {{wallet}}
ORDER BY block_time DESC, tx_hash
LIMIT {{max_rows}}
