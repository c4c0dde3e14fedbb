#!/usr/bin/env bash
# Touchstone load benchmark: how many survey responses per second the service stores through REST (wrk) and gRPC
# (BulkSubmitResponses streams, unary SubmitResponse), with latency percentiles, and whether every acknowledged
# response is in PostgreSQL exactly once. See bench/README.md.
#
#   bench/run.sh [seconds]        seconds per load phase (default 30)
#
# Settings (environment): CONCURRENCY=16 (wrk connections, gRPC streams or threads), WINDOW=2 (requests in flight per
# gRPC stream), WARMUP=10 (seconds per phase before measuring; 0 = none), PHASES="rest grpc-stream grpc-unary",
# HTTP_PORT=8080, GRPC_PORT=9000, BUILD=auto|always|never, KEEP_DB=0|1, SERVICE_JAVA_OPTS="".
# Everything runs on this machine; traffic goes to 127.0.0.1 only.
set -euo pipefail

DURATION=${1:-30}
CONCURRENCY=${CONCURRENCY:-16}
WINDOW=${WINDOW:-2}
WARMUP=${WARMUP:-10}
PHASES=${PHASES:-"rest grpc-stream grpc-unary"}
HTTP_PORT=${HTTP_PORT:-8080}
GRPC_PORT=${GRPC_PORT:-9000}
BUILD=${BUILD:-auto}
KEEP_DB=${KEEP_DB:-0}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:-}
DB=touchstone_bench

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVICE_JAR=$ROOT/platform/target/quarkus-app/quarkus-run.jar
CLIENT_JAR=$ROOT/bench/target/bench.jar
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$ROOT/bench/results
RAW=$RESULTS/$STAMP            # raw outputs: service log, wrk and client output
REPORT=$RESULTS/$STAMP.md
BASE_URL=http://127.0.0.1:$HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)

# shellcheck source=common.sh
. "$ROOT/bench/common.sh"
EXTRA_SERVICE_OPTS=()

case $DURATION in '' | *[!0-9]* | 0) die "usage: bench/run.sh [seconds] (a positive whole number)" ;; esac
case $WARMUP in '' | *[!0-9]*) die "WARMUP must be a whole number of seconds" ;; esac
case $CONCURRENCY$WINDOW in *[!0-9]*) die "CONCURRENCY and WINDOW must be positive whole numbers" ;; esac
[ "$CONCURRENCY" -gt 0 ] && [ "$WINDOW" -gt 0 ] || die "CONCURRENCY and WINDOW must be positive whole numbers"

# --- load phases ---------------------------------------------------------------------------------------------------
# Each phase sets: R_SECONDS R_SENT R_ACK (acknowledged, retries included) R_ACK_RUN R_REFUSED R_RETRIED R_UNRESOLVED
# R_RATE R_P50 R_P90 R_P99 R_MAX. Idempotency keys start with the phase's key prefix, which the database check groups by.
field() { sed -n "s/^RESULT.* $1=\([^ ]*\).*/\1/p" "$2" | tail -1; }

run_rest() { # key-prefix seconds output
  local prefix=$1 seconds=$2 out=$3 key body status ok=0 replayed=0 refused=0 unresolved=0
  TOUCHSTONE_API_KEY=$API_KEY wrk -t"$CONCURRENCY" -c"$CONCURRENCY" -d"${seconds}s" --timeout 10s --latency \
    -s "$ROOT/bench/rest-submit.lua" "$BASE_URL" -- "$SURVEY_ID" "$prefix" >"$out" 2>&1 \
    || { tail -20 "$out" >&2; die "wrk failed, see $out"; }
  grep -q '^RESULT ' "$out" || { tail -20 "$out" >&2; die "wrk printed no result, see $out"; }
  # requests without a definite answer: send them again under the same key, as a client must
  while read -r _ key body; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Content-Type: application/json' \
      -H "X-API-Key: $API_KEY" -H "Idempotency-Key: $key" --data "$body" \
      "$BASE_URL/api/v1/surveys/$SURVEY_ID/responses" || true)
    case $status in
      200) ok=$((ok + 1)) replayed=$((replayed + 1)) ;; # it had been stored before
      2??) ok=$((ok + 1)) ;;
      408 | 429 | 5?? | 000) unresolved=$((unresolved + 1)) ;;
      *) refused=$((refused + 1)) ;;
    esac
  done < <(grep '^RETRY ' "$out")
  if [ $((ok + refused + unresolved)) -gt 0 ]; then
    log "REST: retried $((ok + refused + unresolved)) requests without a definite answer: $((ok - replayed)) stored now," \
      "$replayed had been stored already, $refused refused, $unresolved unresolved"
  fi
  R_SECONDS=$(field seconds "$out")
  R_SENT=$(field sent "$out")
  R_ACK_RUN=$(field acknowledged "$out")
  R_ACK=$((R_ACK_RUN + ok))
  R_REFUSED=$(($(field refused "$out") + refused))
  R_RETRIED=$(field retry "$out")
  R_UNRESOLVED=$unresolved
  R_RATE=$(awk -v n="$R_ACK_RUN" -v s="$R_SECONDS" 'BEGIN { printf "%.1f", n / s }')
  R_P50=$(field p50_ms "$out") R_P90=$(field p90_ms "$out") R_P99=$(field p99_ms "$out") R_MAX=$(field max_ms "$out")
  if grep -q '^FIRST_REFUSAL ' "$out"; then log "REST refusals, first: $(grep -m1 '^FIRST_REFUSAL ' "$out" | cut -c15-)"; fi
}

run_grpc() { # mode key-prefix seconds output
  local mode=$1 prefix=$2 seconds=$3 out=$4 rc=0
  TOUCHSTONE_API_KEY=$API_KEY "$JAVA" "${CLIENT_JAVA_OPTS[@]}" -jar "$CLIENT_JAR" --mode "$mode" --port "$GRPC_PORT" \
    --survey "$SURVEY_ID" --concurrency "$CONCURRENCY" --window "$WINDOW" --seconds "$seconds" \
    --key-prefix "$prefix" >"$out" 2>&1 || rc=$?
  grep -q '^RESULT ' "$out" || { tail -20 "$out" >&2; die "the gRPC client printed no result (exit $rc), see $out"; }
  [ "$rc" -eq 0 ] || log "gRPC $mode: the client reports a problem (exit $rc), see $out"
  R_SECONDS=$(field seconds "$out")
  R_SENT=$(field sent "$out")
  R_ACK=$(field acknowledged "$out")
  R_ACK_RUN=$(field submitted "$out")
  R_REFUSED=$(field refused "$out")
  R_RETRIED=$(field retried "$out")
  R_UNRESOLVED=$(field unresolved "$out")
  R_RATE=$(field per_second "$out")
  R_P50=$(field p50_ms "$out") R_P90=$(field p90_ms "$out") R_P99=$(field p99_ms "$out") R_MAX=$(field max_ms "$out")
  if grep -q 'failed, first:' "$out"; then log "gRPC $mode: $(grep -m1 'failed, first:' "$out" | sed 's/^ *//')"; fi
}

run_phase() { # phase key-prefix seconds
  local phase=$1 prefix=$2 seconds=$3 out=$RAW/$2.txt cpu_before busy_before total_before
  cpu_before=$(service_cpu_ticks)
  read -r busy_before total_before < <(machine_ticks)
  case $phase in
    rest) run_rest "$prefix" "$seconds" "$out" ;;
    grpc-stream) run_grpc stream "$prefix" "$seconds" "$out" ;;
    grpc-unary) run_grpc unary "$prefix" "$seconds" "$out" ;;
    *) die "unknown phase $phase (rest, grpc-stream, grpc-unary)" ;;
  esac
  ACKNOWLEDGED[$prefix]=$R_ACK
  R_BUSY=$(busy_percent "$busy_before" "$total_before")
  R_CPU=$(awk -v t=$(($(service_cpu_ticks) - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$R_ACK_RUN" \
    'BEGIN { if (n > 0) printf "%.2f", t / hz * 1000 / n; else print "-" }')
}

describe_phase() {
  case $1 in
    rest) echo "REST POST /responses (wrk, $CONCURRENCY connections)" ;;
    grpc-stream) echo "gRPC BulkSubmitResponses ($CONCURRENCY streams × $WINDOW in flight)" ;;
    grpc-unary) echo "gRPC SubmitResponse ($CONCURRENCY threads)" ;;
  esac
}

# --- main ----------------------------------------------------------------------------------------------------------
mkdir -p "$RAW"
require_tools
find_java
start_postgres
build_if_needed

# Other work on the machine takes CPU from the service and skews the figures: measure it before starting.
read -r busy total < <(machine_ticks)
sleep 3
IDLE_BUSY=$(busy_percent "$busy" "$total")
if [ "$IDLE_BUSY" -gt 10 ]; then
  log "warning: the machine is already ${IDLE_BUSY}% busy before the benchmark; the figures will be low and noisy"
fi

trap cleanup EXIT
trap 'exit 130' INT TERM
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
"${PSQL[@]}" -d postgres -c "create database $DB" >/dev/null
DB_CREATED=yes
start_service
create_tenant_and_survey

declare -A ACKNOWLEDGED=()
ROWS=()
PROBLEMS=()
for phase in $PHASES; do
  key=${phase//-/}                    # rest, grpcstream, grpcunary
  if [ "$WARMUP" -gt 0 ]; then
    log "$phase: warm-up ${WARMUP}s"
    run_phase "$phase" "warm$key" "$WARMUP"
  fi
  log "$phase: ${DURATION}s"
  run_phase "$phase" "$key" "$DURATION"
  ROWS+=("| $(describe_phase "$phase") | $R_SECONDS | $R_SENT | $R_ACK | $R_REFUSED | $R_RETRIED | $R_UNRESOLVED | **$R_RATE** | $R_P50 | $R_P90 | $R_P99 | $R_MAX | $R_CPU | $R_BUSY | ${key} |")
  log "$phase: $R_RATE responses/s, p50 $R_P50 ms, p99 $R_P99 ms, acknowledged $R_ACK, refused $R_REFUSED"
  # a load whose requests the service refused did not measure what it claims
  if [ "$R_REFUSED" -gt 0 ] || [ "$R_UNRESOLVED" -gt 0 ] || [ "$R_ACK_RUN" -eq 0 ]; then
    PROBLEMS+=("$phase: $R_ACK_RUN acknowledged, $R_REFUSED refused, $R_UNRESOLVED unresolved (see bench/results/$STAMP/$key.txt)")
  fi
done

# --- every acknowledged response stored, once ------------------------------------------------------------------------
declare -A STORED=()
while IFS='|' read -r prefix count; do
  [ -n "$prefix" ] && STORED[$prefix]=$count
done < <("${PSQL[@]}" -d "$DB" -tA -F '|' -c "select split_part(idempotency_key, '-', 1), count(*)
    from response where tenant_id = '$TENANT_ID' group by 1")
STORED_TOTAL=$("${PSQL[@]}" -d "$DB" -tA -c "select count(*) from response where tenant_id = '$TENANT_ID'")
ACK_TOTAL=0
CHECK=PASS
CHECK_ROWS=()
for prefix in $(printf '%s\n' "${!ACKNOWLEDGED[@]}" "${!STORED[@]}" | sort -u); do
  ack=${ACKNOWLEDGED[$prefix]:-0} stored=${STORED[$prefix]:-0}
  ACK_TOTAL=$((ACK_TOTAL + ack))
  verdict=ok
  [ "$ack" -eq "$stored" ] || { verdict=MISMATCH; CHECK=FAIL; }
  CHECK_ROWS+=("| $prefix | $ack | $stored | $verdict |")
done
[ "$ACK_TOTAL" -eq "$STORED_TOTAL" ] || CHECK=FAIL

stop_service

# --- report -------------------------------------------------------------------------------------------------------------
{
  echo "# Touchstone benchmark $STAMP"
  echo
  echo "- commit \`$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || echo '+changes')\`;" \
    "$(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1));" \
    "Java $("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p');" \
    "$("${PSQL[@]}" -d postgres -tA -c 'show server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /')"
  echo "- service \`quarkus-run.jar\` in the prod profile, database \`$DB\`; the load generators run on the same machine;" \
    "CPU busy before the run (other work): ${IDLE_BUSY}%"
  echo "- each phase ${DURATION} s after a ${WARMUP} s warm-up; every request stores one response (3 scored answers)"
  echo
  echo "| load | seconds | sent | acknowledged | refused | retried | unresolved | responses/s | p50 ms | p90 ms | p99 ms | max ms | service CPU ms/response | machine CPU % | keys |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Acknowledged vs stored rows of table \`response\` for the bench tenant, by idempotency-key prefix (warm-up included):"
  echo
  echo "| keys | acknowledged | stored | |"
  echo "|---|---:|---:|---|"
  printf '%s\n' "${CHECK_ROWS[@]}"
  echo "| **total** | **$ACK_TOTAL** | **$STORED_TOTAL** | **$CHECK** |"
  if [ ${#PROBLEMS[@]} -gt 0 ]; then
    echo
    printf -- '- **FAIL** %s\n' "${PROBLEMS[@]}"
  fi
  echo
  echo "responses/s counts responses acknowledged during the timed run; retried = requests without a definite answer"
  echo "(cut off at the end of the run, broken connection, 5xx) sent again under the same idempotency key;"
  echo "service CPU ms/response = CPU time of the service process during the phase / responses acknowledged in it;"
  echo "machine CPU % = share of all CPUs busy during the phase (service, PostgreSQL, load generator and anything else)."
  echo "Raw output: \`bench/results/$STAMP/\`."
} >"$REPORT"

cat "$REPORT"
echo
for problem in "${PROBLEMS[@]}"; do
  echo "FAIL: $problem"
done
if [ "$CHECK" = PASS ]; then
  echo "PASS: stored $STORED_TOTAL == acknowledged $ACK_TOTAL (report: ${REPORT#"$ROOT"/})"
else
  echo "FAIL: stored $STORED_TOTAL != acknowledged $ACK_TOTAL (report: ${REPORT#"$ROOT"/})"
fi
[ "$CHECK" = PASS ] && [ ${#PROBLEMS[@]} -eq 0 ]
