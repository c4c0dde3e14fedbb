# Functions shared by the benchmark scripts (bench/run.sh, bench/metrics.sh, bench/interactions.sh); sourced, not run.
#
# The sourcing script sets ROOT, DB, HTTP_PORT, GRPC_PORT, BUILD, KEEP_DB, SERVICE_JAVA_OPTS, SERVICE_JAR, CLIENT_JAR,
# RESULTS, RAW, BASE_URL and PSQL (an array) before it calls them; start_service passes EXTRA_SERVICE_OPTS (an array)
# to the service as well.

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- tools -------------------------------------------------------------------------------------------------------
require_tools() {
  local missing=() tool
  for tool in wrk:wrk curl:curl jq:jq psql:postgresql-client pg_isready:postgresql-client; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing tools; install them with: sudo apt-get install -y ${missing[*]}"
  fi
}

# The JDK that ./mvnw uses: JAVA_HOME, else java on the PATH if >= 21, else the newest /usr/lib/jvm/* >= 21.
find_java() {
  # shellcheck source=../.mvn/select-jdk.sh
  . "$ROOT/.mvn/select-jdk.sh"
  JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
  JAVA_MAJOR=$(touchstone_java_major "$JAVA" 2>/dev/null || true)
  [ "${JAVA_MAJOR:-0}" -ge 21 ] || die "no JDK >= 21 found (java is ${JAVA_MAJOR:-missing}): set JAVA_HOME"
  CLIENT_JAVA_OPTS=()
  # netty still uses sun.misc.Unsafe memory access, which JDK 24+ warns about
  [ "$JAVA_MAJOR" -lt 23 ] || CLIENT_JAVA_OPTS+=(--sun-misc-unsafe-memory-access=allow)
}

start_postgres() {
  pg_isready -q -h 127.0.0.1 -p 5432 && return
  if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  fi
  die "PostgreSQL is not answering on 127.0.0.1:5432 (start it: pg_ctlcluster \$(ls /etc/postgresql) main start)"
}

# Builds when a jar is missing or older than a pom.xml or a main source file.
build_if_needed() {
  local stale=
  if [ "$BUILD" = always ] || [ ! -f "$SERVICE_JAR" ] || [ ! -f "$CLIENT_JAR" ]; then
    stale=yes
  elif [ "$BUILD" = auto ]; then
    local older=$SERVICE_JAR
    [ "$CLIENT_JAR" -nt "$SERVICE_JAR" ] || older=$CLIENT_JAR
    stale=$(find "$ROOT" \( -name target -o -name .git -o -path "$RESULTS" \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$older" -print -quit)
  fi
  if [ -n "$stale" ]; then
    [ "$BUILD" != never ] || die "the jars are missing or out of date and BUILD=never"
    log "building (./mvnw -q -Pbench package -DskipTests)"
    (cd "$ROOT" && ./mvnw -q -Pbench package -DskipTests) >"$RAW/build.log" 2>&1 \
      || { tail -40 "$RAW/build.log" >&2; die "build failed, see $RAW/build.log"; }
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- service -----------------------------------------------------------------------------------------------------
SERVICE_PID=
cleanup() {
  local rc=$?
  stop_service
  if [ "$KEEP_DB" != 1 ] && [ -n "${DB_CREATED:-}" ]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  exit "$rc"
}
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  if kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill -TERM "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
  fi
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}

start_service() {
  port_free "$HTTP_PORT" || die "port $HTTP_PORT is in use; choose another with HTTP_PORT=..."
  port_free "$GRPC_PORT" || die "port $GRPC_PORT is in use; choose another with GRPC_PORT=..."
  OPERATOR_TOKEN=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  log "starting the service (prod profile, database $DB, REST :$HTTP_PORT, gRPC :$GRPC_PORT)"
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of options
  # the loads go through one API key: a limit that is counted (in Redis when it runs) but never reached
  "$JAVA" $SERVICE_JAVA_OPTS \
    -Dtouchstone.db.name="$DB" \
    -Dtouchstone.operator.token="$OPERATOR_TOKEN" \
    -Dquarkus.http.port="$HTTP_PORT" \
    -Dquarkus.grpc.server.port="$GRPC_PORT" \
    -Dtouchstone.rate-limit.requests-per-second=1000000 -Dtouchstone.rate-limit.burst=1000000 \
    "${EXTRA_SERVICE_OPTS[@]}" \
    -jar "$SERVICE_JAR" >"$RAW/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 120); do
    if curl -fsS -o /dev/null "$BASE_URL/q/health/ready" 2>/dev/null; then
      log "service ready"
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$RAW/service.log" >&2; die "the service exited, see $RAW/service.log"; }
    sleep 1
  done
  tail -30 "$RAW/service.log" >&2
  die "the service was not ready after 120 s"
}

# POST JSON; prints the body, fails unless the status is the expected one.
post() { # path expected-status-pattern body [curl options...]
  local path=$1 expected=$2 body=$3 response status
  shift 3
  response=$(curl -sS -X POST -H 'Content-Type: application/json' "$@" --data "$body" \
    -w '\n%{http_code}' "$BASE_URL$path") || die "POST $path failed"
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  # shellcheck disable=SC2254 # expected is a pattern such as 2??
  case $status in $expected) ;; *) die "POST $path answered $status, expected $expected: $response" ;; esac
  printf '%s' "$response"
}

create_tenant_and_survey() {
  local created survey
  created=$(post /api/v1/admin/tenants 201 '{"name":"Bench","timeZone":"Europe/Prague"}' \
    -H "Authorization: Bearer $OPERATOR_TOKEN")
  TENANT_ID=$(jq -er '.tenant.id' <<<"$created")
  API_KEY=$(jq -er '.apiKey.secret' <<<"$created")
  survey=$(post /api/v1/surveys 201 '{"defaultLanguage":"en","title":{"en":"Bench"},"questions":[
      {"id":"nps","type":"NPS","text":{"en":"How likely are you to recommend us to a friend or colleague?"}},
      {"id":"csat","type":"CSAT","scale":5,"text":{"en":"How satisfied are you with the service?"}},
      {"id":"ces","type":"CES","scale":7,"text":{"en":"The company made it easy to handle my issue."}},
      {"id":"comment","type":"FREE_TEXT","text":{"en":"Anything else?"}}]}' -H "X-API-Key: $API_KEY")
  SURVEY_ID=$(jq -er '.id' <<<"$survey")
  post "/api/v1/surveys/$SURVEY_ID/publish" '2??' '' -H "X-API-Key: $API_KEY" >/dev/null
  log "tenant $TENANT_ID, survey $SURVEY_ID published"
}


# CPU time the service process has used so far, in clock ticks
service_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"; }
# busy and total clock ticks of all CPUs of the machine so far
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
busy_percent() { # busy-before total-before
  local busy total
  read -r busy total < <(machine_ticks)
  awk -v b=$((busy - $1)) -v t=$((total - $2)) 'BEGIN { printf "%.0f", (t > 0 ? 100 * b / t : 0) }'
}

