#!/usr/bin/env bash
# Touchstone journeys benchmark. Part "ingest": how many interactions per second one instance records through
# InteractionService.RecordInteractions streams, with acknowledgement latency percentiles, and whether every
# acknowledged event is in PostgreSQL exactly once (stream 0 also breaks its stream midway and resumes). Part "map":
# loads N interactions (default 10 million) at the journey's touchpoints over two years straight into PostgreSQL, and
# responses about a share of them, and measures the p50/p95 latency of GET /api/v1/journeys/{id}/map for a 4-week and
# a 26-week period, and of POST /api/v1/metrics/staff (employees, teams) for 26 weeks.
# See bench/README.md.
#
#   bench/interactions.sh [seconds] [interactions]     seconds of ingest (default 30), interactions to load (10000000)
#
# Settings (environment): PARTS="ingest map", CONCURRENCY=16 (streams), WINDOW=4 (events in flight per stream),
# WARMUP=10 (seconds of ingest before measuring; 0 = none), BREAKS=3 (deliberate breaks of stream 0), BREAK_AFTER=50,
# DAYS=730, CHUNK=500000 (interactions per load statement), SHARE=0.25 (of the completed interactions at a surveyed
# touchpoint answered by a linked response), RUNS=30, WARMUP_RUNS=3, KEEP_DB=0|1 (1: keep the database,
# and reuse it for the map when it already holds the same number of loaded interactions), HTTP_PORT=8080,
# GRPC_PORT=9000, BUILD=auto|always|never, SERVICE_JAVA_OPTS="".
set -euo pipefail

DURATION=${1:-30}
INTERACTIONS=${2:-10000000}
PARTS=${PARTS:-"ingest map"}
CONCURRENCY=${CONCURRENCY:-16}
WINDOW=${WINDOW:-4}
WARMUP=${WARMUP:-10}
BREAKS=${BREAKS:-3}
BREAK_AFTER=${BREAK_AFTER:-50}
DAYS=${DAYS:-730}
CHUNK=${CHUNK:-500000}
SHARE=${SHARE:-0.25}
RUNS=${RUNS:-30}
WARMUP_RUNS=${WARMUP_RUNS:-3}
HTTP_PORT=${HTTP_PORT:-8080}
GRPC_PORT=${GRPC_PORT:-9000}
BUILD=${BUILD:-auto}
KEEP_DB=${KEEP_DB:-0}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
DB=touchstone_journeys_bench
ZONE=Europe/Prague

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVICE_JAR=$ROOT/platform/target/quarkus-app/quarkus-run.jar
CLIENT_JAR=$ROOT/bench/target/bench.jar
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results
RAW=$RESULTS/interactions-$STAMP
REPORT=$RESULTS/interactions-$STAMP.md
BASE_URL=http://127.0.0.1:$HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)

# shellcheck source=common.sh
. "$ROOT/bench/common.sh"
EXTRA_SERVICE_OPTS=()

for value in "$DURATION" "$INTERACTIONS" "$CONCURRENCY" "$WINDOW" "$BREAK_AFTER" "$DAYS" "$CHUNK" "$RUNS"; do
  case $value in '' | *[!0-9]* | 0) die "usage: bench/interactions.sh [seconds] [interactions] (positive whole numbers); CONCURRENCY, WINDOW, BREAK_AFTER, DAYS, CHUNK, RUNS: positive whole numbers" ;; esac
done
for value in "$WARMUP" "$BREAKS" "$WARMUP_RUNS"; do
  case $value in '' | *[!0-9]*) die "WARMUP, BREAKS and WARMUP_RUNS must be whole numbers" ;; esac
done
case $SHARE in 0 | 0.[0-9]* | 1) ;; *) die "SHARE must be a fraction from 0 to 1, such as 0.25" ;; esac
for part in $PARTS; do
  case $part in ingest | map) ;; *) die "unknown part $part (ingest, map)" ;; esac
done
has_part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

now_ms() { date +%s%3N; }
field() { sed -n "s/^RESULT.* $1=\([^ ]*\).*/\1/p" "$2" | tail -1; }

# --- the journey ---------------------------------------------------------------------------------------------------
# "Order to delivery": 4 stages, 12 touchpoints on 8 channels; the bench survey (common.sh) attached to the
# touchpoints where customers are asked. Sets JOURNEY_ID and TOUCHPOINTS (ids in stage order, comma-separated).
create_journey() {
  local journey status tp
  journey=$(post /api/v1/journeys 201 '{"name":"Order to delivery","stages":[
      {"name":"Discover","touchpoints":[{"name":"Website visit","channel":"WEB"},
        {"name":"Social ad","channel":"SOCIAL"},{"name":"Newsletter","channel":"EMAIL"}]},
      {"name":"Buy","touchpoints":[{"name":"Web checkout","channel":"WEB"},{"name":"App checkout","channel":"IN_APP"},
        {"name":"Store purchase","channel":"IN_STORE"}]},
      {"name":"Deliver","touchpoints":[{"name":"Dispatch notice","channel":"SMS"},
        {"name":"Delivery","channel":"OTHER"},{"name":"Delivery follow-up","channel":"EMAIL"}]},
      {"name":"Support","touchpoints":[{"name":"Call centre","channel":"PHONE"},{"name":"Live chat","channel":"CHAT"},
        {"name":"Support e-mail","channel":"EMAIL"}]}]}' \
    -H "X-API-Key: $API_KEY" -H "Idempotency-Key: bench-journey-$STAMP")
  JOURNEY_ID=$(jq -er '.id' <<<"$journey")
  TOUCHPOINTS=$(jq -er '[.stages[].touchpoints[].id] | join(",")' <<<"$journey")
  # the survey is asked after a purchase, a delivery and a support contact
  for tp in $(jq -er '.stages[1:][].touchpoints[0].id' <<<"$journey"); do
    status=$(curl -sS -o "$RAW/attach.json" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
      -H "X-API-Key: $API_KEY" --data "{\"surveyId\":\"$SURVEY_ID\"}" \
      "$BASE_URL/api/v1/journeys/$JOURNEY_ID/touchpoints/$tp/survey") || die "attaching the survey failed"
    case $status in 2??) ;; *) die "attaching the survey answered $status: $(cat "$RAW/attach.json")" ;; esac
  done
  log "journey $JOURNEY_ID: 4 stages, $(tr ',' '\n' <<<"$TOUCHPOINTS" | wc -l) touchpoints"
}

# --- ingest ----------------------------------------------------------------------------------------------------------
run_client() { # key-prefix seconds breaks output
  local prefix=$1 seconds=$2 breaks=$3 out=$4 rc=0
  TOUCHSTONE_API_KEY=$API_KEY "$JAVA" "${CLIENT_JAVA_OPTS[@]}" -jar "$CLIENT_JAR" --mode interactions \
    --port "$GRPC_PORT" --touchpoints "$TOUCHPOINTS" --concurrency "$CONCURRENCY" --window "$WINDOW" \
    --seconds "$seconds" --key-prefix "$prefix" --breaks "$breaks" --break-after "$BREAK_AFTER" >"$out" 2>&1 || rc=$?
  grep -q '^RESULT ' "$out" || { tail -20 "$out" >&2; die "the gRPC client printed no result (exit $rc), see $out"; }
  [ "$rc" -eq 0 ] || log "interactions: the client reports a problem (exit $rc), see $out"
  if grep -q 'failed, first:' "$out"; then log "interactions: $(grep -m1 'failed, first:' "$out" | sed 's/^ *//')"; fi
}

run_ingest() {
  local out=$RAW/ingest.txt cpu_before busy_before total_before prefix ack stored
  if [ "$WARMUP" -gt 0 ]; then
    log "ingest: warm-up ${WARMUP}s"
    run_client warm "$WARMUP" 0 "$RAW/warm.txt"
  fi
  log "ingest: ${DURATION}s, $CONCURRENCY streams × $WINDOW in flight, stream 0 broken $BREAKS times"
  cpu_before=$(service_cpu_ticks)
  read -r busy_before total_before < <(machine_ticks)
  run_client ingest "$DURATION" "$BREAKS" "$out"
  I_BUSY=$(busy_percent "$busy_before" "$total_before")
  I_SECONDS=$(field seconds "$out") I_SENT=$(field sent "$out") I_ACK=$(field acknowledged "$out")
  I_ACK_RUN=$(field submitted "$out") I_DUPLICATE=$(field replayed "$out") I_REFUSED=$(field refused "$out")
  I_BREAKS=$(field breaks "$out") I_RESENT=$(field resent "$out") I_RETRIED=$(field retried "$out")
  I_UNRESOLVED=$(field unresolved "$out") I_MISMATCHED=$(field mismatched "$out") I_RATE=$(field per_second "$out")
  I_P50=$(field p50_ms "$out") I_P90=$(field p90_ms "$out") I_P99=$(field p99_ms "$out") I_MAX=$(field max_ms "$out")
  I_CPU=$(awk -v t=$(($(service_cpu_ticks) - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$I_ACK_RUN" \
    'BEGIN { if (n > 0) printf "%.2f", t / hz * 1000 / n; else print "-" }')
  log "ingest: $I_RATE events/s, p50 $I_P50 ms, p99 $I_P99 ms, acknowledged $I_ACK, refused $I_REFUSED"
  if [ "$I_REFUSED" -gt 0 ] || [ "$I_UNRESOLVED" -gt 0 ] || [ "$I_MISMATCHED" -gt 0 ] || [ "$I_ACK_RUN" -eq 0 ]; then
    PROBLEMS+=("ingest: $I_ACK_RUN acknowledged, $I_REFUSED refused, $I_UNRESOLVED unresolved, $I_MISMATCHED mismatched (see ${out#"$ROOT"/})")
  fi

  # every acknowledged event stored, exactly once (the unique event id makes a second row impossible; counted anyway)
  declare -A acknowledged=([warm]=0 [ingest]=$I_ACK)
  [ "$WARMUP" -eq 0 ] || acknowledged[warm]=$(field acknowledged "$RAW/warm.txt")
  CHECK=PASS CHECK_ROWS=() ACK_TOTAL=0 STORED_TOTAL=0
  while IFS='|' read -r prefix stored distinct abandoned; do
    [ -n "$prefix" ] || continue
    ack=${acknowledged[$prefix]:-0}
    ACK_TOTAL=$((ACK_TOTAL + ack)) STORED_TOTAL=$((STORED_TOTAL + stored))
    verdict=ok
    [ "$ack" -eq "$stored" ] && [ "$stored" -eq "$distinct" ] || { verdict=MISMATCH; CHECK=FAIL; }
    CHECK_ROWS+=("| $prefix | $ack | $stored | $distinct | $abandoned | $verdict |")
    unset "acknowledged[$prefix]"
  done < <("${PSQL[@]}" -d "$DB" -tA -F '|' -c "select split_part(event_id, '-', 1), count(*), count(distinct event_id),
      round(100.0 * count(*) filter (where outcome = 'ABANDONED') / count(*), 1)
      from interaction where tenant_id = '$TENANT_ID' group by 1 order by 1 desc")
  for prefix in "${!acknowledged[@]}"; do # acknowledged, none stored
    ack=${acknowledged[$prefix]}
    ACK_TOTAL=$((ACK_TOTAL + ack))
    [ "$ack" -eq 0 ] || { CHECK=FAIL; CHECK_ROWS+=("| $prefix | $ack | 0 | 0 | - | MISMATCH |"); }
  done
}

# --- map -------------------------------------------------------------------------------------------------------------
# The load's tenant, journey and API key are kept in the bench database itself (schema bench), so that KEEP_DB=1 can
# reuse a loaded database.
loaded_interactions() {
  "${PSQL[@]}" -d "$DB" -tA -c "select interactions from bench.load" 2>/dev/null || echo 0
}

load_interactions() {
  local lo hi started
  log "loading $INTERACTIONS interactions over $DAYS days, $CHUNK per statement"
  started=$(now_ms)
  for ((lo = 1; lo <= INTERACTIONS; lo += CHUNK)); do
    hi=$((lo + CHUNK - 1))
    [ "$hi" -le "$INTERACTIONS" ] || hi=$INTERACTIONS
    "${PSQL[@]}" -d "$DB" -v tenant="$TENANT_ID" -v touchpoints="{$TOUCHPOINTS}" -v lo="$lo" -v hi="$hi" \
      -v days="$DAYS" -v seed="0.$((lo % 9973))" -f "$ROOT/bench/sql/generate-interactions.sql" >/dev/null
    log "  $hi of $INTERACTIONS loaded"
  done
  # the function the service's roller calls (V13), a chunk per transaction instead of 5,000
  "${PSQL[@]}" -d "$DB" -c "analyze interaction" >/dev/null
  while [ "$("${PSQL[@]}" -d "$DB" -tA -c "select roll_up_interactions('$TENANT_ID', $CHUNK)")" != 0 ]; do :; done
  LOAD_MS=$(($(now_ms) - started))
  "${PSQL[@]}" -d "$DB" -c "vacuum analyze" >/dev/null
  log "loaded and rolled up in $((LOAD_MS / 1000)) s; responses about $SHARE of the completed interactions at surveyed touchpoints"
  started=$(now_ms)
  for ((lo = 1; lo <= INTERACTIONS; lo += CHUNK)); do
    hi=$((lo + CHUNK - 1))
    [ "$hi" -le "$INTERACTIONS" ] || hi=$INTERACTIONS
    "${PSQL[@]}" -d "$DB" -v tenant="$TENANT_ID" -v survey="$SURVEY_ID" -v lo="$lo" -v hi="$hi" -v share="$SHARE" \
      -v seed="0.$((lo % 9967))" -f "$ROOT/bench/sql/generate-linked-responses.sql" >/dev/null
  done
  "${PSQL[@]}" -d "$DB" -c "analyze" >/dev/null
  # the function the service's roller calls (V11), 200,000 responses per transaction instead of 5,000
  while [ "$("${PSQL[@]}" -d "$DB" -tA -c "select roll_up_pending('$TENANT_ID', 200000)")" != 0 ]; do :; done
  "${PSQL[@]}" -d "$DB" -c "vacuum analyze" >/dev/null
  RESPONSES_MS=$(($(now_ms) - started))
  LOADED_RESPONSES=$("${PSQL[@]}" -d "$DB" -tA -c "select count(*) from response where tenant_id = '$TENANT_ID'")
  log "$LOADED_RESPONSES responses loaded and rolled up in $((RESPONSES_MS / 1000)) s"
  "${PSQL[@]}" -d "$DB" -c "create schema bench; create table bench.load (tenant uuid, journey uuid, touchpoints text,
      survey uuid, api_key text, interactions bigint, load_ms bigint, responses bigint, responses_ms bigint)" >/dev/null
  "${PSQL[@]}" -d "$DB" -c "insert into bench.load values ('$TENANT_ID', '$JOURNEY_ID', '$TOUCHPOINTS', '$SURVEY_ID',
      '$API_KEY', $INTERACTIONS, $LOAD_MS, $LOADED_RESPONSES, $RESPONSES_MS)" >/dev/null
}

reuse_data() {
  IFS='|' read -r TENANT_ID JOURNEY_ID TOUCHPOINTS SURVEY_ID API_KEY LOAD_MS LOADED_RESPONSES RESPONSES_MS < <(
    "${PSQL[@]}" -d "$DB" -tA -c "select tenant, journey, touchpoints, survey, api_key, load_ms, responses,
      responses_ms from bench.load")
  log "reusing the $INTERACTIONS interactions of tenant $TENANT_ID, journey $JOURNEY_ID in $DB"
}

# Periods end on the Monday of this week in the tenant's time zone.
day() { TZ=$ZONE date -d "$1" +%F; }
MONDAY=$(day "-$(($(TZ=$ZONE date +%u) - 1)) days")

# Times one request RUNS times after WARMUP_RUNS untimed ones -> M_P50 M_P95 M_MEAN M_STATUS; the last answer in $out.
time_requests() { # out curl-arguments...
  local out=$1 times=$1.times status i
  shift
  : >"$times"
  for ((i = 0; i < WARMUP_RUNS + RUNS; i++)); do
    status=$(curl -sS -o "$out" -w '%{http_code} %{time_total}' -H "X-API-Key: $API_KEY" "$@") \
      || die "request failed: $*"
    M_STATUS=${status%% *}
    [ "$M_STATUS" = 200 ] || return 1
    [ "$i" -lt "$WARMUP_RUNS" ] || awk -v s="${status#* }" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$times"
  done
  read -r M_P50 M_P95 M_MEAN < <(sort -n "$times" | awk '{ v[NR] = $1; sum += $1 }
    END { p50 = v[int(NR * 0.50 + 0.999)]; p95 = v[int(NR * 0.95 + 0.999)]; printf "%s %s %.1f\n", p50, p95, sum / NR }')
}

run_map() { # weeks
  M_FROM=$(day "$MONDAY -$1 weeks")
  time_requests "$RAW/map-$1w.json" "$BASE_URL/api/v1/journeys/$JOURNEY_ID/map?from=$M_FROM&to=$MONDAY"
}

run_staff() { # weeks level
  M_FROM=$(day "$MONDAY -$1 weeks")
  time_requests "$RAW/staff-$1w-$2.json" -H 'Content-Type: application/json' --data "{\"metric\": \"NPS\",
    \"level\": \"$2\", \"surveyId\": \"$SURVEY_ID\", \"from\": \"$M_FROM\", \"to\": \"$MONDAY\"}" \
    "$BASE_URL/api/v1/metrics/staff"
}

# --- main ------------------------------------------------------------------------------------------------------------
mkdir -p "$RAW"
require_tools
find_java
start_postgres
build_if_needed

read -r busy total < <(machine_ticks)
sleep 3
IDLE_BUSY=$(busy_percent "$busy" "$total")
if [ "$IDLE_BUSY" -gt 10 ]; then
  log "warning: the machine is already ${IDLE_BUSY}% busy before the benchmark; the figures will be low and noisy"
fi

trap cleanup EXIT
trap 'exit 130' INT TERM
REUSED=
if ! has_part ingest && [ "$KEEP_DB" = 1 ] && [ "$(loaded_interactions)" = "$INTERACTIONS" ]; then
  start_service
  reuse_data
  REUSED=yes
else
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
  "${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
  DB_CREATED=yes
  start_service
  create_tenant_and_survey
  create_journey
fi
[ "$KEEP_DB" = 1 ] || DB_CREATED=yes

CHECK=skipped PROBLEMS=()
has_part ingest && run_ingest

MAP_ROWS=() STAFF_ROWS=()
if has_part map; then
  [ -n "$REUSED" ] || load_interactions
  for weeks in 4 26; do
    log "journey map, $weeks weeks: $WARMUP_RUNS warm-up runs, $RUNS timed"
    if run_map "$weeks"; then
      MAP_ROWS+=("| $weeks weeks, $M_FROM to $MONDAY (and the $weeks before) | $RUNS | $M_P50 | $M_P95 | $M_MEAN |")
      log "  p50 $M_P50 ms, p95 $M_P95 ms"
    else
      PROBLEMS+=("journey map ($weeks weeks) answered $M_STATUS: $(head -c 300 "$RAW/map-${weeks}w.json")")
      break
    fi
  done
  for level in EMPLOYEE TEAM; do
    log "staff leaderboard, 26 weeks, $level: $WARMUP_RUNS warm-up runs, $RUNS timed"
    if run_staff 26 "$level"; then
      STAFF_ROWS+=("| 26 weeks, $M_FROM to $MONDAY, $level | $RUNS | $M_P50 | $M_P95 | $M_MEAN | $(jq '.entries | length' \
        "$RAW/staff-26w-$level.json") | $(jq '.hidden.members' "$RAW/staff-26w-$level.json") |")
      log "  p50 $M_P50 ms, p95 $M_P95 ms"
    else
      PROBLEMS+=("staff leaderboard ($level) answered $M_STATUS: $(head -c 300 "$RAW/staff-26w-$level.json")")
    fi
  done
  LOADED=$("${PSQL[@]}" -d "$DB" -tA -c "select count(*), round(100.0 * count(*) filter (where outcome = 'ABANDONED')
      / greatest(count(*), 1), 1) from interaction where tenant_id = '$TENANT_ID'" | tr '|' ' ')
  DB_SIZE=$("${PSQL[@]}" -d "$DB" -tA -c "select pg_size_pretty(pg_database_size(current_database()))")
fi
stop_service

# --- report ----------------------------------------------------------------------------------------------------------
{
  echo "# Touchstone journeys benchmark $STAMP"
  echo
  echo "- commit \`$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || echo '+changes')\`;" \
    "$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1));" \
    "Java $("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p');" \
    "$("${PSQL[@]}" -d postgres -tA -c 'show server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
  echo "- service \`quarkus-run.jar\` in the prod profile, database \`$DB\`; the load generator runs on the same machine;" \
    "CPU busy before the run (other work): ${IDLE_BUSY}%"
  echo "- journey $JOURNEY_ID: 4 stages, 12 touchpoints"
  if has_part ingest; then
    echo
    echo "## Ingest: \`InteractionService.RecordInteractions\`"
    echo
    if [ "$I_BREAKS" -gt 0 ]; then
      breaks="stream 0 broke its stream $I_BREAKS times (after $BREAK_AFTER responses on it each) and resent the $I_RESENT"
      breaks+=" events it had no response for on a new one ($I_DUPLICATE came back DUPLICATE: committed before the break)"
    else
      breaks="no stream was broken on purpose (BREAKS=$BREAKS; stream 0 got fewer than $BREAK_AFTER responses)"
    fi
    echo "$DURATION s after a $WARMUP s warm-up; $CONCURRENCY streams × $WINDOW events in flight; $breaks."
    echo
    echo "| sent | acknowledged | refused | retried | unresolved | events/s | p50 ms | p90 ms | p99 ms | max ms | service CPU ms/event | machine CPU % |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    echo "| $I_SENT | $I_ACK | $I_REFUSED | $I_RETRIED | $I_UNRESOLVED | **$I_RATE** | $I_P50 | $I_P90 | $I_P99 | $I_MAX | $I_CPU | $I_BUSY |"
    echo
    echo "Acknowledged vs stored rows of table \`interaction\` for the bench tenant, by event-id prefix:"
    echo
    echo "| event ids | acknowledged | stored | distinct event ids | ABANDONED % | |"
    echo "|---|---:|---:|---:|---:|---|"
    printf '%s\n' "${CHECK_ROWS[@]}"
    echo "| **total** | **$ACK_TOTAL** | **$STORED_TOTAL** | | | **$CHECK** |"
  fi
  if has_part map; then
    echo
    echo "## Journey map: \`GET /api/v1/journeys/{id}/map\`"
    echo
    read -r loaded abandoned <<<"$LOADED"
    echo "$loaded interactions at the journey's touchpoints ($abandoned % ABANDONED) over $DAYS days; database $DB_SIZE;" \
      "load $((LOAD_MS / 1000)) s; $LOADED_RESPONSES responses linked to $SHARE of the completed interactions at the" \
      "three surveyed touchpoints (NPS, CSAT, CES), loaded and rolled up in $((RESPONSES_MS / 1000)) s" \
      "$([ -z "$REUSED" ] || echo '(an earlier run; reused)'). Each period: $WARMUP_RUNS" \
      "warm-up runs, then $RUNS timed one after the other (curl time_total)."
    echo
    echo "| period | runs | p50 ms | p95 ms | mean ms |"
    echo "|---|---:|---:|---:|---:|"
    [ ${#MAP_ROWS[@]} -eq 0 ] || printf '%s\n' "${MAP_ROWS[@]}"
    echo
    echo "## Staff leaderboard: \`POST /api/v1/metrics/staff\` (NPS of the bench survey)"
    echo
    echo "| period | runs | p50 ms | p95 ms | mean ms | listed | hidden |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    [ ${#STAFF_ROWS[@]} -eq 0 ] || printf '%s\n' "${STAFF_ROWS[@]}"
  fi
  if [ ${#PROBLEMS[@]} -gt 0 ]; then
    echo
    printf -- '- **FAIL** %s\n' "${PROBLEMS[@]}"
  fi
  echo
  echo "Raw output: \`bench/results/interactions-$STAMP/\`."
} >"$REPORT"

cat "$REPORT"
echo
for problem in "${PROBLEMS[@]}"; do
  echo "FAIL: $problem"
done
if [ "$CHECK" = FAIL ]; then
  echo "FAIL: stored $STORED_TOTAL != acknowledged $ACK_TOTAL (report: ${REPORT#"$ROOT"/})"
elif [ "$CHECK" = PASS ]; then
  echo "PASS: stored $STORED_TOTAL == acknowledged $ACK_TOTAL, each once (report: ${REPORT#"$ROOT"/})"
fi
[ "$CHECK" != FAIL ] && [ ${#PROBLEMS[@]} -eq 0 ]
