-- wrk script of bench/run.sh: submits survey responses over REST, one unique Idempotency-Key per request.
--
--   TOUCHSTONE_API_KEY=tsk_... wrk -t16 -c16 -d20s --timeout 10s --latency -s bench/rest-submit.lua \
--       http://127.0.0.1:8080 -- SURVEY_ID KEY_PREFIX
--
-- Give wrk as many threads as connections (-t = -c): each thread then owns one connection with at most one request
-- on it, so a response always answers the thread's latest request. A request that got no response (the run ended
-- while it was in flight, or its connection broke) or a 5xx/408/429 may have been stored all the same: done() prints
-- each as a line "RETRY <idempotency-key> <body>" for the caller to send again under the same key, as a client must.
-- done() also prints "RESULT key=value ..." with the counts and the latency percentiles (ms).

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   survey, prefix = args[1], args[2]
   api_key = os.getenv("TOUCHSTONE_API_KEY")
   if not survey or not prefix or not api_key then
      error("usage: wrk ... -s rest-submit.lua URL -- SURVEY_ID KEY_PREFIX (with TOUCHSTONE_API_KEY set)")
   end
   path = "/api/v1/surveys/" .. survey .. "/responses"
   sent, acknowledged, refused = 0, 0, 0
   first_refusal = nil
   pending = nil       -- "<key> <body>" of the request on the wire
   retry = {}          -- requests whose outcome is unknown
   -- wrk calls request() once on its first thread to check the script before the run, and never sends that request
   checking = (id == 0)
end

-- Scores follow from the counter, so that a retry repeats the same content under the same key.
local function body(n)
   return string.format('{"language":"en","answers":[{"questionId":"nps","score":%d},'
         .. '{"questionId":"csat","score":%d},{"questionId":"ces","score":%d}]}', n % 11, n % 5 + 1, n % 7 + 1)
end

local function submit(key, content)
   return wrk.format("POST", path, {
      ["Content-Type"] = "application/json",
      ["X-API-Key"] = api_key,
      ["Idempotency-Key"] = key,
   }, content)
end

function request()
   if checking then
      checking = false
      return submit(prefix .. "-check", body(0))
   end
   if pending then
      table.insert(retry, pending) -- its connection broke before the response came
   end
   local key = prefix .. "-" .. id .. "-" .. sent
   local content = body(sent + id)
   sent = sent + 1
   pending = key .. " " .. content
   return submit(key, content)
end

function response(status, headers, content)
   if status >= 200 and status < 300 then
      acknowledged = acknowledged + 1
   elseif (status >= 500 or status == 408 or status == 429) and pending then
      table.insert(retry, pending)
   else
      refused = refused + 1
      first_refusal = first_refusal or (status .. " " .. string.sub(content, 1, 300))
   end
   pending = nil
end

function done(summary, latency, requests)
   local sent_total, acknowledged_total, refused_total, refusal = 0, 0, 0, nil
   local retry_lines = {}
   for _, thread in ipairs(threads) do
      sent_total = sent_total + thread:get("sent")
      acknowledged_total = acknowledged_total + thread:get("acknowledged")
      refused_total = refused_total + thread:get("refused")
      refusal = refusal or thread:get("first_refusal")
      for _, line in ipairs(thread:get("retry")) do
         table.insert(retry_lines, line)
      end
      local in_flight = thread:get("pending")
      if in_flight then
         table.insert(retry_lines, in_flight)
      end
   end
   for _, line in ipairs(retry_lines) do
      io.write("RETRY ", line, "\n")
   end
   if refusal then
      io.write("FIRST_REFUSAL ", refusal:gsub("\n", " "), "\n")
   end
   local e = summary.errors
   io.write(string.format("RESULT seconds=%.2f sent=%d acknowledged=%d refused=%d retry=%d socket_errors=%d"
         .. " timeouts=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
         summary.duration / 1e6, sent_total, acknowledged_total, refused_total, #retry_lines,
         e.connect + e.read + e.write, e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
         latency:percentile(99) / 1000, latency.max / 1000))
end
