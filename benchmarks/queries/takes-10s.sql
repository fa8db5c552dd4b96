-- id: 9110
-- name: Takes 10 s
-- description: the polling benchmark's query of 10 seconds
-- min_duration: 10s
-- param: n number = 0
SELECT {{n}} AS n
