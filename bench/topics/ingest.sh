#!/usr/bin/env bash
# Whole-collection ingest of ../shared/corpus: wall time, median of N runs.
set -euo pipefail
runs=${1:-3}
corpus=../shared/corpus
[[ -d $corpus ]] || { echo "skipped: $corpus not found"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
times=()
for ((i = 0; i < runs; i++)); do
  rm -rf "$tmp/index"
  start=$(date +%s.%N)
  "$CYDEX_BIN" ingest -q --index "$tmp/index" "$corpus" 2>/dev/null || true
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc -l)")
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "| what | files | MB | median wall s ($runs runs) |"
echo "|---|---|---|---|"
printf '| cydex ingest %s | %d | %.1f | %.2f |\n' "$corpus" "$files" "$(echo "$bytes/1048576" | bc -l)" "$median"
