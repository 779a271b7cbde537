#!/usr/bin/env bash
# The submit benchmark on real Fabric and on the embedded node in one run (docs/BENCHMARKS.md): the
# same typed client over TCP, the same chaincode, the same machine. Needs FABRIC_BIN or FABRIC_SRC
# (default: ../shared/fabric/fabric-2.5.16-src.tar.gz, built once).
# Usage: cli/bench/fabric-vs-embedded.sh [SECONDS_PER_LEVEL] [LEVELS]      e.g. 20 1,16,64
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${FABRIC_BIN:-}" ]; then
  export FABRIC_SRC="${FABRIC_SRC:-$(cd .. && pwd)/shared/fabric/fabric-2.5.16-src.tar.gz}"
fi
mvn -q -B -ntp -DskipTests install
mvn -q -B -ntp -pl cli verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SubmitComparisonBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dfundtrail.bench=true \
  -Dfundtrail.bench.seconds="${1:-20}" -Dfundtrail.bench.levels="${2:-1,16,64}" 2>&1 \
  | grep -v ' INFO \|^Thread\[' || true
cat cli/target/submit-comparison.md
