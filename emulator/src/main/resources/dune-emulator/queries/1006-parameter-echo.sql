-- id: 1006
-- name: Parameter echo
-- description: returns its four parameters, one of each Dune type
-- param: text_field text = Plain Text
-- param: number_field number = 3.1415926535
-- param: date_field datetime = 2022-05-04 00:00:00
-- param: list_field enum(Option 1,Option 2,Option 3) = Option 1
SELECT '{{text_field}}' AS text_field,
       {{number_field}} AS number_field,
       TIMESTAMP '{{date_field}}' AS date_field,
       '{{list_field}}' AS list_field
