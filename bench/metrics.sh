#!/usr/bin/env bash
# Touchstone metrics benchmark: loads N responses (default 10 million) of one tenant over two years into PostgreSQL,
# then measures the p50/p95 latency of a fixed set of metrics queries through the REST API and the throughput of a
# streamed export of about a million responses. See bench/README.md.
#
#   bench/metrics.sh [responses]      responses to load (default 10000000)
#
# Settings (environment): RUNS=30 (timed runs per query), RAW_RUNS=5 (of the queries on the raw path), WARMUP_RUNS=3, DAYS=730 (history), CHUNK=500000 (responses
# per load statement), EXPORT_DAYS=77, KEEP_DB=0|1 (1: keep the loaded database, and reuse it when it already holds the
# same number of responses), HTTP_PORT=8080, GRPC_PORT=9000, BUILD=auto|always|never, SERVICE_JAVA_OPTS="".
set -euo pipefail

RESPONSES=${1:-10000000}
RUNS=${RUNS:-30}
RAW_RUNS=${RAW_RUNS:-5}
WARMUP_RUNS=${WARMUP_RUNS:-3}
DAYS=${DAYS:-730}
CHUNK=${CHUNK:-500000}
EXPORT_DAYS=${EXPORT_DAYS:-77}
HTTP_PORT=${HTTP_PORT:-8080}
GRPC_PORT=${GRPC_PORT:-9000}
BUILD=${BUILD:-auto}
KEEP_DB=${KEEP_DB:-0}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
DB=touchstone_metrics_bench
ZONE=Europe/Prague

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVICE_JAR=$ROOT/platform/target/quarkus-app/quarkus-run.jar
CLIENT_JAR=$ROOT/bench/target/bench.jar
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results
RAW=$RESULTS/metrics-$STAMP
REPORT=$RESULTS/metrics-$STAMP.md
BASE_URL=http://127.0.0.1:$HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)

# shellcheck source=common.sh
. "$ROOT/bench/common.sh"
EXTRA_SERVICE_OPTS=()

for value in "$RESPONSES" "$RUNS" "$DAYS" "$CHUNK" "$EXPORT_DAYS"; do
  case $value in '' | *[!0-9]* | 0) die "usage: bench/metrics.sh [responses]; RUNS, DAYS, CHUNK, EXPORT_DAYS: positive whole numbers" ;; esac
done
case $WARMUP_RUNS in '' | *[!0-9]*) die "WARMUP_RUNS must be a whole number" ;; esac

now_ms() { date +%s%3N; }

# --- data ------------------------------------------------------------------------------------------------------------
# The load's tenant, survey and API key are kept in the bench database itself (schema bench), so that KEEP_DB=1 can
# reuse a loaded database: loading ten million responses takes a while.
loaded_responses() {
  "${PSQL[@]}" -d "$DB" -tA -c "select responses from bench.load" 2>/dev/null || echo 0
}

load_data() {
  local lo hi started elapsed_ms
  create_tenant_and_survey
  "${PSQL[@]}" -d "$DB" -c "create schema bench; create table bench.load (tenant uuid, survey uuid, api_key text,
      responses bigint, load_ms bigint, rollup_ms bigint, pending bigint)"
  log "loading $RESPONSES responses over $DAYS days, $CHUNK per statement"
  started=$(now_ms)
  for ((lo = 1; lo <= RESPONSES; lo += CHUNK)); do
    hi=$((lo + CHUNK - 1))
    [ "$hi" -le "$RESPONSES" ] || hi=$RESPONSES
    "${PSQL[@]}" -d "$DB" -v tenant="$TENANT_ID" -v survey="$SURVEY_ID" -v lo="$lo" -v hi="$hi" -v days="$DAYS" \
      -v seed="0.$((lo % 9973))" -f "$ROOT/bench/sql/generate-responses.sql" >/dev/null
    log "  $hi of $RESPONSES loaded"
  done
  LOAD_MS=$(($(now_ms) - started))
  # fresh statistics first: planned without them, a roll-up of 200,000 responses takes minutes instead of seconds
  "${PSQL[@]}" -d "$DB" -c "analyze" >/dev/null
  PENDING=$("${PSQL[@]}" -d "$DB" -tA -c "select count(*) from rollup_pending")
  log "rolling up the histograms ($((RESPONSES - PENDING)) were rolled up by the service during the load)"
  started=$(now_ms)
  # the function the service's roller calls (migration V8), 200,000 responses per transaction instead of 5,000
  while [ "$("${PSQL[@]}" -d "$DB" -tA -c "select roll_up_pending('$TENANT_ID', 200000)")" != 0 ]; do :; done
  ROLLUP_MS=$(($(now_ms) - started))
  # as autovacuum would soon: the pending list is empty now, but its ten million deleted rows are still in its index
  "${PSQL[@]}" -d "$DB" -c "vacuum analyze" >/dev/null
  "${PSQL[@]}" -d "$DB" -c "insert into bench.load values ('$TENANT_ID', '$SURVEY_ID', '$API_KEY', $RESPONSES,
      $LOAD_MS, $ROLLUP_MS, $PENDING)" >/dev/null
  elapsed_ms=$((LOAD_MS + ROLLUP_MS))
  log "loaded in $((LOAD_MS / 1000)) s, rolled up in $((ROLLUP_MS / 1000)) s ($((elapsed_ms / 1000)) s in all)"
}

reuse_data() {
  IFS='|' read -r TENANT_ID SURVEY_ID API_KEY LOAD_MS ROLLUP_MS PENDING < <("${PSQL[@]}" -d "$DB" -tA -c \
    "select tenant, survey, api_key, load_ms, rollup_ms, pending from bench.load")
  log "reusing the $RESPONSES responses of tenant $TENANT_ID in $DB"
}

# --- queries ---------------------------------------------------------------------------------------------------------
# Dates in the tenant's time zone: the Monday of this week, and the weeks before it.
day() { TZ=$ZONE date -d "$1" +%F; }
MONDAY=$(day "-$(($(TZ=$ZONE date +%u) - 1)) days")
WEEKS_26=$(day "$MONDAY -26 weeks")
MONTH=$(TZ=$ZONE date +%Y-%m-01)
MONTHS_12=$(day "$MONTH -12 months")
MONTHS_24=$(day "$MONTH -24 months")
EXPORT_FROM=$(day "$MONDAY -$EXPORT_DAYS days")

query_body() { # name
  local survey="\"surveyId\":\"$SURVEY_ID\""
  case $1 in
    headline) echo "{\"metrics\":[\"NPS\",\"CSAT_PERCENT\",\"CES_MEAN\",\"RESPONSE_COUNT\"],$survey,
        \"from\":\"$WEEKS_26\",\"to\":\"$MONDAY\",\"comparison\":{\"baseline\":\"PREVIOUS_PERIOD\"}}" ;;
    trend) echo "{\"metrics\":[\"NPS\"],$survey,\"questionId\":\"nps\",\"from\":\"$WEEKS_26\",\"to\":\"$MONDAY\",
        \"bucket\":\"WEEK\",\"groupBy\":[\"attribute:touchpoint\"],\"comparison\":{\"baseline\":\"PREVIOUS_PERIOD\"}}" ;;
    histogram) echo "{\"metrics\":[\"NPS\",\"CSAT_MEAN\"],$survey,\"from\":\"$WEEKS_26\",\"to\":\"$MONDAY\",
        \"groupBy\":[\"channel\"],\"distribution\":true}" ;;
    all-surveys) echo "{\"metrics\":[\"NPS\"],\"from\":\"$MONTHS_12\",\"to\":\"$MONTH\",\"bucket\":\"MONTH\",
        \"comparison\":{\"baseline\":\"FIXED\",\"from\":\"$MONTHS_24\",\"to\":\"$MONTHS_12\"}}" ;;
    raw-filtered) echo "{\"metrics\":[\"NPS\"],$survey,\"from\":\"$WEEKS_26\",\"to\":\"$MONDAY\",\"bucket\":\"WEEK\",
        \"groupBy\":[\"channel\"],\"filters\":[{\"dimension\":\"language\",\"operator\":\"IN\",\"values\":[\"cs\",\"en\"]}],
        \"comparison\":{\"baseline\":\"PREVIOUS_PERIOD\"}}" ;;
    raw-detractors) echo "{\"metrics\":[\"CSAT_PERCENT\"],$survey,\"from\":\"$WEEKS_26\",\"to\":\"$MONDAY\",
        \"bucket\":\"WEEK\",\"groupBy\":[\"attribute:touchpoint\"],
        \"scoreRanges\":[{\"questionId\":\"nps\",\"min\":0,\"max\":6}]}" ;;
  esac
}

describe_query() {
  case $1 in
    headline) echo "headline: NPS, CSAT %, CES mean, responses over 26 weeks vs the 26 before (rollup)" ;;
    trend) echo "26-week weekly NPS trend by attribute:touchpoint (40 values), each week vs the one before (rollup)" ;;
    histogram) echo "NPS and CSAT mean with score histograms by channel, 26 weeks (rollup)" ;;
    all-surveys) echo "monthly NPS of all surveys over 12 months, each month vs the 12 months before (rollup)" ;;
    raw-filtered) echo "26-week weekly NPS by channel, language in (cs, en), vs previous week (raw: two dimensions)" ;;
    raw-detractors) echo "26-week weekly CSAT % of NPS detractors by touchpoint (raw: score range)" ;;
  esac
}

QUERIES="headline trend histogram all-surveys raw-filtered raw-detractors"

run_query() { # name runs -> Q_P50 Q_P95 Q_MEAN Q_ROWS Q_N
  local name=$1 runs=$2 body out=$RAW/$1.json times=$RAW/$1.times status i
  body=$(query_body "$name")
  : >"$times"
  for ((i = 0; i < WARMUP_RUNS + runs; i++)); do
    status=$(curl -sS -o "$out" -w '%{http_code} %{time_total}' -X POST -H 'Content-Type: application/json' \
      -H "X-API-Key: $API_KEY" --data "$body" "$BASE_URL/api/v1/metrics/query") || die "query $name failed"
    [ "${status%% *}" = 200 ] || die "query $name answered ${status%% *}: $(head -c 400 "$out")"
    [ "$i" -lt "$WARMUP_RUNS" ] || awk -v s="${status#* }" 'BEGIN { printf "%.1f\n", s * 1000 }' >>"$times"
  done
  read -r Q_P50 Q_P95 Q_MEAN < <(sort -n "$times" | awk '{ v[NR] = $1; sum += $1 }
    END { p50 = v[int(NR * 0.50 + 0.999)]; p95 = v[int(NR * 0.95 + 0.999)]; printf "%s %s %.1f\n", p50, p95, sum / NR }')
  Q_ROWS=$(jq '.rows | length' "$out")
  Q_N=$(jq '[.rows[].figures[0].n] | add' "$out")
}

# --- export ----------------------------------------------------------------------------------------------------------
run_export() { # -> E_ROWS E_SECONDS E_RATE E_BYTES E_RSS_BEFORE E_RSS_MAX
  local out=$RAW/export.csv sampler started elapsed_ms
  E_RSS_BEFORE=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$SERVICE_PID/status")
  ( while kill -0 "$SERVICE_PID" 2>/dev/null; do
      awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$SERVICE_PID/status"; sleep 0.5
    done ) >"$RAW/export.rss" &
  sampler=$!
  started=$(now_ms)
  curl -sS -f -X POST -H 'Content-Type: application/json' -H "X-API-Key: $API_KEY" \
    --data "{\"surveyId\":\"$SURVEY_ID\",\"from\":\"$EXPORT_FROM\",\"to\":\"$MONDAY\",\"format\":\"CSV\"}" \
    "$BASE_URL/api/v1/responses/export" -o "$out" || die "the export failed"
  elapsed_ms=$(($(now_ms) - started))
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  E_ROWS=$(($(wc -l <"$out") - 1))
  E_BYTES=$(stat -c %s "$out")
  E_SECONDS=$(awk -v ms="$elapsed_ms" 'BEGIN { printf "%.1f", ms / 1000 }')
  E_RATE=$(awk -v n="$E_ROWS" -v ms="$elapsed_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
  E_RSS_MAX=$(sort -n "$RAW/export.rss" | tail -1)
  rm -f "$out"
}

# --- main ------------------------------------------------------------------------------------------------------------
mkdir -p "$RAW"
require_tools
find_java
start_postgres
build_if_needed

trap cleanup EXIT
trap 'exit 130' INT TERM
if [ "$KEEP_DB" = 1 ] && [ "$(loaded_responses)" = "$RESPONSES" ]; then
  start_service
  reuse_data
else
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
  "${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
  DB_CREATED=yes
  start_service
  load_data
fi
[ "$KEEP_DB" = 1 ] || DB_CREATED=yes

ROWS=()
for name in $QUERIES; do
  case $name in raw-*) runs=$RAW_RUNS ;; *) runs=$RUNS ;; esac
  log "query $name: $WARMUP_RUNS warm-up runs, $runs timed"
  run_query "$name" "$runs"
  ROWS+=("| $(describe_query "$name") | $runs | $Q_P50 | $Q_P95 | $Q_MEAN | $Q_ROWS | $Q_N |")
  log "  p50 $Q_P50 ms, p95 $Q_P95 ms"
done
log "export of $EXPORT_DAYS days (CSV)"
run_export
log "  $E_ROWS responses in $E_SECONDS s: $E_RATE responses/s"
DB_SIZE=$("${PSQL[@]}" -d "$DB" -tA -c "select pg_size_pretty(pg_database_size(current_database()))")
ROLLUP_ROWS=$("${PSQL[@]}" -d "$DB" -tA -c "select count(*) from answer_rollup")
stop_service

{
  echo "# Touchstone metrics benchmark $STAMP"
  echo
  echo "- commit \`$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || echo '+changes')\`;" \
    "$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1));" \
    "Java $("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p');" \
    "$("${PSQL[@]}" -d postgres -tA -c 'show server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
  echo "- $RESPONSES responses of one tenant ($ZONE) over $DAYS days; database $DB_SIZE; $ROLLUP_ROWS rows of answer_rollup"
  echo "- load: $((LOAD_MS / 1000)) s (the service's roller took in $((RESPONSES - PENDING)) meanwhile);" \
    "roll-up of the other $PENDING: $((ROLLUP_MS / 1000)) s"
  echo "- each query: $WARMUP_RUNS warm-up runs, then the timed runs one after the other (curl time_total); weeks end $MONDAY"
  echo
  echo "| query | runs | p50 ms | p95 ms | mean ms | rows | n (first metric, all rows) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "| export | responses | seconds | responses/s | MB | service RSS before → max, MB |"
  echo "|---|---:|---:|---:|---:|---|"
  echo "| CSV, $EXPORT_FROM to $MONDAY | $E_ROWS | $E_SECONDS | **$E_RATE** | $((E_BYTES / 1048576)) | $E_RSS_BEFORE → $E_RSS_MAX |"
  echo
  echo "Raw output (answers of the last run of each query, latencies, service log): \`bench/results/metrics-$STAMP/\`."
} >"$REPORT"
cat "$REPORT"
