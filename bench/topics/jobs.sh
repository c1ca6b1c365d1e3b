#!/usr/bin/env bash
# Parallel extraction: whole-collection `cydex ingest` of ../shared/corpus with
# --jobs 1 against --jobs 2: wall time and CPU time (user + system, worker
# processes included), median of N runs each. The runs alternate between the
# two settings so that a change in the machine's load affects both alike. The
# peer is --jobs 1 (one worker process). A control row runs two independent
# --jobs 1 ingests at once; its throughput against one --jobs 1 ingest (2.00
# on two idle cores, 1.00 when the machine, shared and busy, has no second core
# to give) is the most any --jobs setting could gain in the same run.
set -euo pipefail
runs=${1:-3}
corpus=../shared/corpus
[[ -d $corpus ]] || { echo "skipped: $corpus not found"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
load=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A wall=([1]="" [2]="" [pair]="") cpu=([1]="" [2]="" [pair]="")
TIMEFORMAT='%R %U %S'
for ((i = 0; i < runs; i++)); do
  for jobs in 1 2; do
    rm -rf "$tmp/index"
    { time "$CYDEX_BIN" ingest -q --jobs "$jobs" --index "$tmp/index" "$corpus" 2>/dev/null || true; } 2>"$tmp/time"
    read -r real user sys <"$tmp/time"
    wall[$jobs]+="$real "
    cpu[$jobs]+="$(echo "$user + $sys" | bc -l) "
  done
  rm -rf "$tmp/index" "$tmp/index2"
  { time {
    "$CYDEX_BIN" ingest -q --jobs 1 --index "$tmp/index" "$corpus" 2>/dev/null &
    "$CYDEX_BIN" ingest -q --jobs 1 --index "$tmp/index2" "$corpus" 2>/dev/null || true
    wait || true
  }; } 2>"$tmp/time"
  read -r real user sys <"$tmp/time"
  wall[pair]+="$real "
  cpu[pair]+="$(echo "$user + $sys" | bc -l) "
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
w1=$(median "${wall[1]}"); w2=$(median "${wall[2]}")
c1=$(median "${cpu[1]}"); c2=$(median "${cpu[2]}")
wp=$(median "${wall[pair]}"); cp=$(median "${cpu[pair]}")
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "Corpus: $corpus, $files files, $(printf '%.1f' "$(echo "$bytes/1048576" | bc -l)") MB;" \
  "$(nproc) cores; load average at the start: $load."
echo
echo "| what | median wall s ($runs runs) | wall s, each run | median CPU s | throughput vs --jobs 1 |"
echo "|---|---|---|---|---|"
printf '| cydex ingest --jobs 1 | %.2f | %s| %.2f | 1.00 |\n' "$w1" "${wall[1]}" "$c1"
printf '| cydex ingest --jobs 2 | %.2f | %s| %.2f | %.2f |\n' "$w2" "${wall[2]}" "$c2" "$(echo "$w1 / $w2" | bc -l)"
printf '| control: 2 x --jobs 1 at once | %.2f | %s| %.2f | %.2f |\n' "$wp" "${wall[pair]}" "$cp" "$(echo "2 * $w1 / $wp" | bc -l)"
