#!/usr/bin/env bash
# Builds Touchstone and runs it in the dev profile against the local PostgreSQL (127.0.0.1:5432, user postgres):
# REST on http://localhost:8080, gRPC on localhost:9000. The database "touchstone" is created when missing.
# Extra arguments go to the JVM, e.g.  platform/run.sh -Dquarkus.http.port=8090
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q install -DskipTests

java_major() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [ "$(java_major "$java" 2>/dev/null || echo 0)" -lt 21 ]; then
  best=0
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best" ]; then best=$major; java=$candidate/bin/java; fi
  done
fi

exec "$java" -Dquarkus.profile="${QUARKUS_PROFILE:-dev}" "$@" -jar platform/target/quarkus-app/quarkus-run.jar
