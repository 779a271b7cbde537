#!/usr/bin/env bash
# Read-model benchmark: generates a budget of N records through the chaincode's Treasury (cached as a
# block file in DIR), projects it into a fresh SQLite read model and times trace down/up.
# Usage: ledger-client/bench/readmodel-bench.sh [RECORDS=1000000] [DIR=/tmp/fundtrail-rm-bench] [RUNS=21]
# HEAP=10g by default (generation keeps the whole world state in memory; projection does not).
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS=${1:-1000000}
DIR=${2:-/tmp/fundtrail-rm-bench}
RUNS=${3:-21}
mvn -q -pl ledger-client -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.cp
exec java -Xmx"${HEAP:-10g}" \
  -cp "ledger-client/target/test-classes:ledger-client/target/classes:chaincode/target/classes:$(cat ledger-client/target/bench.cp)" \
  org.fundtrail.client.readmodel.ReadModelBenchmark "$RECORDS" "$DIR" "$RUNS"
