# Sourced by ./consulta, .ci/run and bench/run: exports JAVA_HOME for a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then `java` on the PATH, then the newest JDK under /usr/lib/jvm.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
consulta_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  [ -n "$best" ] && { echo "$best"; return 0; }
  return 1
}
if ! JAVA_HOME=$(consulta_find_jdk); then
  echo "Consulta needs a JDK 21 or newer: none found in JAVA_HOME, on the PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
