#!/usr/bin/env bash
# Embedded-node submit benchmark (docs/BENCHMARKS.md).
# Usage: network-config/bench/submit-bench.sh [--seconds 15] [--levels 1,16,64] [--prefill 1000000]
# HEAP (default 512m) sets the JVM heap of the node and client.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -pl network-config test-compile
mvn -q -pl network-config org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="network-config/target/classes:network-config/target/test-classes:$(cat network-config/target/bench.classpath)"
exec java -Xmx"${HEAP:-512m}" -cp "$CP" org.fundtrail.network.node.bench.SubmitBenchmark "$@" \
  2> >(grep -v ' INFO ' >&2)
