-- id: 9005
-- name: Five seconds
-- description: the concurrency benchmark's query: answers its own n, after 5 seconds
-- min_duration: 5s
-- param: n number = 0
SELECT {{n}} AS n
