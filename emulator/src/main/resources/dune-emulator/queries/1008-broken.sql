-- id: 1008
-- name: Broken query
-- description: refers to a column that does not exist, so every execution ends FAILED
SELECT x
FROM dex.trades
