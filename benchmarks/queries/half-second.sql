-- id: 9050
-- name: Half a second
-- description: the replicas benchmark's query: answers its own n, after half a second
-- min_duration: 500ms
-- param: n number = 0
SELECT {{n}} AS n
