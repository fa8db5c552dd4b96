-- id: 9160
-- name: Takes 60 s
-- description: the polling benchmark's query of 60 seconds
-- min_duration: 60s
-- param: n number = 0
SELECT {{n}} AS n
