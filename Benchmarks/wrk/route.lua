-- wrk script: POSTs a rotating mix of routed and declined checkouts to regiond's /v1/route
-- (against nginx's static twin it posts the same bodies). Prints one RESULT line at the end.
local bodies = {
  -- routed
  '{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"120.50 USD","at":"2026-12-01T15:00:00Z"}',
  '{"region":"US","merchant":"shop_2","method":"ALIPAY_CN","amount":"35.00 USD","at":"2026-12-02T18:30:00Z"}',
  '{"region":"US","merchant":"shop_3","method":"ALIPAY_CN","amount":"999.99 USD","at":"2026-12-03T01:00:00Z"}',
  -- declined: method not offered, amount below the minimum, currency not taken, unknown region
  '{"region":"US","merchant":"shop_1","method":"KAKAOPAY","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}',
  '{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"0.10 USD","at":"2026-12-01T15:00:00Z"}',
  '{"region":"US","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 EUR","at":"2026-12-01T15:00:00Z"}',
  '{"region":"ZZ","merchant":"shop_1","method":"ALIPAY_CN","amount":"10.00 USD","at":"2026-12-01T15:00:00Z"}',
}
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  return wrk.format(nil, "/v1/route", nil, bodies[(counter % #bodies) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.errors.status))
end
