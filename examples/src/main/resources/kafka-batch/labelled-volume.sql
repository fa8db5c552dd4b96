-- id: 2001
-- name: DEX volume by wallet label
-- description: the uploaded wallet labels joined with the on-chain trades of those wallets
SELECT l.label, count(*) AS trades, round(sum(t.amount_usd), 2) AS volume_usd
FROM dex.trades t
JOIN dune.emulator.wallet_labels l ON t.taker = l.wallet
GROUP BY l.label
ORDER BY l.label
