-- id: 1004
-- name: Ethereum blocks in a range
-- description: block headers between two block numbers
-- param: from_block number = 19000000
-- param: to_block number = 19000099
SELECT number, time, hash, miner, gas_used, gas_limit, base_fee_per_gas
FROM ethereum.blocks
WHERE number BETWEEN {{from_block}} AND {{to_block}}
ORDER BY number
