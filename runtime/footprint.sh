#!/usr/bin/env bash
# What each role of the runtime costs a consumer: jars and bytes on the runtime classpath of a project
# that depends on that one artifact, its own jar included. Needs the artifacts installed in the local
# repository given (default: Maven's), for example by
#   ./mvnw -q install -DskipTests -Dinvoker.skip && bash runtime/footprint.sh
# Prints one line per artifact: "artifact: N jars, X.X MB".
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
repo_args=()
if [ -n "${FOOTPRINT_REPO:-}" ]; then repo_args=(-Dmaven.repo.local="$FOOTPRINT_REPO"); fi
work=runtime/target/footprint
mkdir -p "$work"
for artifact in "${@:-user-event-bus-core user-event-bus-publisher user-event-bus-lambda user-event-bus-sqs user-event-bus-testkit user-event-bus-runtime}"; do
  for a in $artifact; do
    cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>footprint</groupId><artifactId>footprint</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.github.usereventbus</groupId><artifactId>$a</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
    ./mvnw -q -B -ntp "${repo_args[@]}" -f "$work/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
      -DincludeScope=runtime -Dmdep.outputFile=classpath.txt >/dev/null
    tr ':' '\n' < "$work/classpath.txt" | grep -v '^$' | xargs ls -l \
      | awk -v a="$a" '{n++; s+=$5} END {printf "%s: %d jars, %.1f MB\n", a, n, s/1048576}'
  done
done
