-- name: Busiest blocks
-- description: the blocks that used the most gas
-- param: top_n number = 3
SELECT number, gas_used
FROM ethereum.blocks
ORDER BY gas_used DESC, number
LIMIT {{top_n}}
