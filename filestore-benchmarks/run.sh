#!/usr/bin/env bash
# Builds the benchmarks with the reactor (no install: the local Maven repository is left alone) and runs
# the side-by-side suite: ./filestore-benchmarks/run.sh full|quick|scaling|scaling-quick|shared [output folder]
#   full          -> docs/benchmarks/ (the published report; about 25 minutes on 2 cores)
#   quick         -> filestore-benchmarks/target/benchmarks-quick/ (a smoke run on tiny data sets, a few minutes)
#   scaling       -> docs/benchmarks/scaling/ (how cost grows at 10k, 100k and 1M records; about 12 minutes)
#   scaling-quick -> filestore-benchmarks/target/benchmarks-scaling-quick/ (the same at 1k, 3k and 10k, a smoke run)
#   shared        -> filestore-benchmarks/target/benchmarks-shared/ (shared mode on a real PostgreSQL: writes beside
#                    plain JDBC, reads and opens beside local ones, the propagation delay; shared.md sums it up)
# Extra JVM options for the runner go in BENCH_JAVA_OPTS: -Dbench.dir=/somewhere/else for the data,
# -Dbench.baseline=<an earlier jmh-results.json> for the targets stated against an earlier run,
# -Dbench.scaling.sizes=10000,100000,1000000,5000000 for other record counts of a scaling run.
set -euo pipefail
profile="${1:?usage: run.sh full|quick|scaling|scaling-quick|shared [output folder]}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q package -DskipTests -pl filestore-benchmarks -am
# run a private copy: a rebuild during the run would otherwise replace the jar under the forks
jar="$(mktemp -d)/benchmarks.jar"
cp filestore-benchmarks/target/benchmarks.jar "$jar"
trap 'rm -rf "$(dirname "$jar")"' EXIT
java -Djava.awt.headless=true ${BENCH_JAVA_OPTS:-} -cp "$jar" io.filestore.benchmarks.report.Suite "$profile" "${@:2}"
