-- wrk script: POSTs outcome reports to regiond's /v1/outcomes, one object per request, rotating
-- acquirers and outcomes (6 successes, 2 declines, 1 failure in 9: no acquirer reaches the
-- shipped policy's 5 failures in a row or 50% failures). Prints one RESULT line at the end.
local acquirers = { "antom-us", "antom-hk", "antom-sg", "antom-my", "antom-th" }
local outcomes = { "success", "success", "decline", "success", "success", "failure", "success", "decline", "success" }
local counter = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local body = string.format('{"acquirer":"%s","outcome":"%s"}',
    acquirers[(counter % #acquirers) + 1], outcomes[(counter % #outcomes) + 1])
  return wrk.format(nil, "/v1/outcomes", nil, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.errors.status))
end
