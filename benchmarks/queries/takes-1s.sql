-- id: 9101
-- name: Takes 1 s
-- description: the polling benchmark's query of 1 seconds
-- min_duration: 1s
-- param: n number = 0
SELECT {{n}} AS n
