-- id: 1005
-- name: Number series
-- description: row_count rows of 8 mixed columns, computed from the row number; for paging and large results
-- param: start number = 0
-- param: row_count number = 10
SELECT n AS number,
       'row-' || n AS label,
       n * 1.5 AS amount,
       n % 2 = 0 AS even,
       TIMESTAMP '2024-01-01 00:00:00' + to_seconds(n) AS ts,
       CAST(n % 10 AS INTEGER) AS bucket,
       '0x' || lpad(to_hex(n), 8, '0') AS hex,
       ['alpha', 'beta', 'gamma'][1 + CAST(n % 3 AS INTEGER)] AS category
FROM range({{start}}, {{start}} + {{row_count}}) t(n)
ORDER BY n
