#!/usr/bin/env bash
# Builds Touchstone and runs it in the dev profile against the local PostgreSQL (127.0.0.1:5432, user postgres):
# REST on http://localhost:8080, gRPC on localhost:9000. The database "touchstone" is created when missing.
# Extra arguments go to the JVM, e.g.  platform/run.sh -Dquarkus.http.port=8090
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q install -DskipTests

. .mvn/select-jdk.sh
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

exec "$java" -Dquarkus.profile="${QUARKUS_PROFILE:-dev}" "$@" -jar platform/target/quarkus-app/quarkus-run.jar
