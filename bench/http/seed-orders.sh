# The orders benchmark's account, for scripts that sourced bench/http/lib.sh: signs bench@example.com in (exports TOKEN for
# bench/http/orders.lua), sets a quote for AAPL and 20 active rules (10 blocking order-value limits, 10 leverage alerts).
TOKEN="$(sign_in bench@example.com)"
export TOKEN
auth=(-H "authorization: Bearer $TOKEN")
json "${auth[@]}" -X PUT "$base/api/v1/market/quotes/AAPL" -d '{"bid":189.95,"ask":190.05,"last":190.00}' >/dev/null
for i in $(seq 1 10); do
  json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"order value $i\",\"rule_type\":\"max_order_value\",\"threshold_value\":$((1000000 + i)),\"threshold_unit\":\"dollars\",\"action\":\"block\"}" >/dev/null
  json "${auth[@]}" -X POST "$base/api/v1/risk-rules" -d "{\"name\":\"leverage $i\",\"rule_type\":\"max_leverage\",\"threshold_value\":$((5 + i)),\"threshold_unit\":\"ratio\",\"action\":\"alert\"}" >/dev/null
done
