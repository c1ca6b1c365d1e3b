#!/usr/bin/env bash
# The nightly job with nothing to do: 10,000 small text files in ten folders,
# indexed once with `cydex reindex ROOT`, then `cydex reindex` (remembered root,
# no changes) timed, median of N runs. For scale, the first full run (which
# extracts every file) is quoted beside it. Target: under 2 s.
set -euo pipefail
runs=${1:-3}
files=${2:-10000}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for ((d = 0; d < 10; d++)); do mkdir -p "$tmp/collection/d$d"; done
for ((i = 0; i < files; i++)); do
  printf 'Report %d\nStates discussed cyber norms and confidence building, item %d.\n' "$i" "$i" \
    >"$tmp/collection/d$((i % 10))/f$i.txt"
done
start=$(date +%s.%N)
"$CYDEX_BIN" --index "$tmp/index" reindex -q "$tmp/collection" 2>/dev/null
full=$(echo "$(date +%s.%N) - $start" | bc -l)
times=()
for ((i = 0; i < runs; i++)); do
  start=$(date +%s.%N)
  "$CYDEX_BIN" --index "$tmp/index" reindex -q --report "$tmp/report.json"
  times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
  grep -q '"unchanged": '"$files" "$tmp/report.json" || { echo "unexpected report:"; cat "$tmp/report.json"; exit 1; }
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "| what | files | median wall s ($runs runs) | ratio to the first full run |"
echo "|---|---|---|---|"
printf '| first run, every file extracted | %d | %.2f | 1 |\n' "$files" "$full"
printf '| nightly run, no changes | %d | %.3f | %.4f |\n' "$files" "$median" "$(echo "$median / $full" | bc -l)"
