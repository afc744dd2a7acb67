# The orders benchmark's accounts, for scripts that sourced bench/http/lib.sh: signs bench@example.com in (exports TOKEN for
# bench/http/orders.lua), sets a quote for AAPL and gives it 20 active rules (10 blocking order-value limits, 10 leverage
# alerts). USERS=N (default 1) seeds N accounts the same way (bench@example.com, then trader2@… to traderN@…) and exports
# TOKENS, over which orders.lua spreads its orders: on SQLite, commands of different accounts can share a group commit.
seed_rules() {
  local auth=(-H "authorization: Bearer $1")
  for i in $(seq 1 10); do
    json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"order value $i\",\"rule_type\":\"max_order_value\",\"threshold_value\":$((1000000 + i)),\"threshold_unit\":\"dollars\",\"action\":\"block\"}" >/dev/null
    json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"leverage $i\",\"rule_type\":\"max_leverage\",\"threshold_value\":$((5 + i)),\"threshold_unit\":\"ratio\",\"action\":\"alert\"}" >/dev/null
  done
}
TOKEN="$(sign_in bench@example.com)"
export TOKEN
json -H "authorization: Bearer $TOKEN" -X PUT "$base/api/v1/market/quotes/AAPL" -d '{"bid":189.95,"ask":190.05,"last":190.00}' >/dev/null
seed_rules "$TOKEN"
TOKENS="$TOKEN"
for u in $(seq 2 "${USERS:-1}"); do
  token="$(sign_in "trader$u@example.com")"
  seed_rules "$token"
  TOKENS="$TOKENS,$token"
done
export TOKENS
