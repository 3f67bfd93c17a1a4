#!/usr/bin/env bash
# Runs every firstcall benchmark and prints every figure; each part's output also goes to
# bench/target/results/<part>.txt, and the headline figures to bench/target/results/summary.txt.
#
#   bench/run.sh quick    # small sizes, few iterations: under 2 minutes on a 2-core machine
#   bench/run.sh full     # the documented run of docs/performance.md (10 to 20 minutes)
#
# Builds bench/target/benchmarks.jar first when it is missing or older than any source.
# Set MVN_ARGS (e.g. MVN_ARGS=-o) to pass flags to that Maven build.
set -euo pipefail

MODE=${1:-quick}
case "$MODE" in
    quick|full) ;;
    *) echo "usage: $0 [quick|full]" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR="$ROOT/bench/target/benchmarks.jar"
RESULTS="$ROOT/bench/target/results"
FLAGS=$(sed -n 's:.*<firstcall.jvm.flags>\(.*\)</firstcall.jvm.flags>.*:\1:p' "$ROOT/pom.xml")
read -r -a JVM <<< "$FLAGS"

if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/pom.xml" "$ROOT/core" "$ROOT/gateway" "$ROOT/bench" \
        \( -name '*.java' -o -name '*.xml' \) -not -path '*/target/*' -newer "$JAR" -print -quit)" ]]; then
    echo "== building bench/target/benchmarks.jar"
    # package, not install: the jar is all the benchmarks need.
    (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl bench -am)
fi

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.txt

if [[ "$MODE" == quick ]]; then
    PIPELINE_ARGS=(300000 1)
    JMH_ARGS=(-f 1 -wi 1 -w 500ms -i 2 -r 500ms)
    RECOVERY_EVENTS=500000
    AUDIT_EVENTS=500000
    LOADGEN_ARGS=(--quick)
else
    PIPELINE_ARGS=(2000000 3)
    JMH_ARGS=()
    RECOVERY_EVENTS=10000000
    AUDIT_EVENTS=10000000
    LOADGEN_ARGS=()
fi

# Other work on the machine moves every figure: each part records the load average it started
# and ended under. In full mode each part first waits (up to COOL_SECONDS, default 120) for the
# 1-minute load to fall below COOL_LOAD (default 0.7), so that one part's own threads do not
# still weigh on the next; the quick mode does not wait.
cool_down() {
    [[ "$MODE" == full ]] || return 0
    local waited=0
    while (( waited < ${COOL_SECONDS:-120} )) && \
            awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v max="${COOL_LOAD:-0.7}" 'BEGIN { exit !(l >= max) }'; do
        sleep 5
        waited=$((waited + 5))
    done
}

run() {
    local part=$1
    shift
    cool_down
    echo
    echo "== $part: $*"
    {
        echo "load before $part: $(cut -d' ' -f1-3 /proc/loadavg)"
        "$@" 2>&1
        echo "load after $part: $(cut -d' ' -f1-3 /proc/loadavg)"
    } | tee "$RESULTS/$part.txt"
}

started=$(date +%s)
{
    echo "mode: $MODE"
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "nproc: $(nproc)"
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p')"
    echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "load before: $(uptime | sed 's/.*load average: //')"
} | tee "$RESULTS/machine.txt"

run pipeline java "${JVM[@]}" -cp "$JAR" io.firstcall.bench.PipelineThroughput "${PIPELINE_ARGS[@]}"
run jmh java "${JVM[@]}" -jar "$JAR" 'io\.firstcall\.bench\..*Benchmark' -prof gc "${JMH_ARGS[@]}"
run recovery java "${JVM[@]}" -cp "$JAR" io.firstcall.bench.RecoveryBenchmark \
    --events "$RECOVERY_EVENTS" --dir "$ROOT/bench/target"
run audit java "${JVM[@]}" -cp "$JAR" io.firstcall.bench.AuditBenchmark \
    --events "$AUDIT_EVENTS" --dir "$ROOT/bench/target"
run loadgen java "${JVM[@]}" -cp "$JAR" io.firstcall.bench.LoadGenerator "${LOADGEN_ARGS[@]}"
if [[ "$MODE" == full ]]; then
    # The same fixed rates under ZGC instead of the default G1: how much of the tail is GC pauses.
    run loadgen-zgc java "${JVM[@]}" -XX:+UseZGC -cp "$JAR" io.firstcall.bench.LoadGenerator --no-search
fi

echo "load after: $(uptime | sed 's/.*load average: //')" | tee -a "$RESULTS/machine.txt"

{
    echo "== summary ($MODE, $(($(date +%s) - started)) s)"
    cat "$RESULTS/machine.txt"
    grep -h -E '^load (before|after) ' "$RESULTS"/{pipeline,jmh,recovery,audit,loadgen}.txt
    if [[ -f "$RESULTS/loadgen-zgc.txt" ]]; then
        grep -h -E '^load (before|after) ' "$RESULTS/loadgen-zgc.txt"
    fi
    grep -E '^round' "$RESULTS/pipeline.txt"
    sed -n '/^Benchmark /,$p' "$RESULTS/jmh.txt" | grep -E '^Benchmark |  avgt  |:gc.alloc.rate.norm' \
        | grep -v -E ':gc\.(alloc\.rate|count|time) '
    grep -E '^recovery: (Engine|JournalReplayer)' "$RESULTS/recovery.txt"
    grep -E '^audit: (report|backtest)' "$RESULTS/audit.txt"
    sed -n '/^loadgen: protocols=/,$p' "$RESULTS/loadgen.txt" | grep -v '^load after'
    if [[ -f "$RESULTS/loadgen-zgc.txt" ]]; then
        echo "== loadgen with -XX:+UseZGC"
        sed -n '/^loadgen: protocols=/,$p' "$RESULTS/loadgen-zgc.txt" | grep -v '^load after'
    fi
} > "$RESULTS/summary.txt"
echo
cat "$RESULTS/summary.txt"

# Every figure of bench/figures.tsv must be there: a part that stopped printing one fails the run.
missing=0
while IFS=$'\t' read -r part count pattern what; do
    [[ -z "$part" || "$part" == \#* ]] && continue
    found=$(grep -c -E "$pattern" "$RESULTS/summary.txt" || true)
    if (( found < count )); then
        echo "missing from the summary: $what ($part, pattern '$pattern', $found of $count)" >&2
        missing=1
    fi
done < "$ROOT/bench/figures.tsv"
exit $missing
