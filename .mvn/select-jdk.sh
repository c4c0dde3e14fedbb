# Sourced by ./mvnw and platform/run.sh (POSIX sh). Touchstone needs a JDK >= 21: when JAVA_HOME is unset and the
# java on the PATH is older, point JAVA_HOME at the newest JDK >= 21 under /usr/lib/jvm. The Maven Enforcer still
# checks the result and says what to do when none is found.
touchstone_java_major() { "$1" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'; }
if [ -z "${JAVA_HOME-}" ] && [ "$(touchstone_java_major java 2>/dev/null || echo 0)" -lt 21 ] 2>/dev/null; then
  touchstone_best=0
  case $- in *f*) touchstone_noglob=1 ;; *) touchstone_noglob=0 ;; esac
  set +f
  for touchstone_jdk in /usr/lib/jvm/*; do
    [ -x "$touchstone_jdk/bin/javac" ] || continue
    touchstone_major="$(touchstone_java_major "$touchstone_jdk/bin/java")"
    if [ "${touchstone_major:-0}" -ge 21 ] && [ "${touchstone_major:-0}" -gt "$touchstone_best" ]; then
      touchstone_best=$touchstone_major
      JAVA_HOME=$touchstone_jdk
    fi
  done
  [ "$touchstone_noglob" = 0 ] || set -f
  [ -z "${JAVA_HOME-}" ] || export JAVA_HOME
fi
