#!/usr/bin/env bash
# cydex retag against a full re-ingest of the same collection: median wall
# time of N runs each, and the ratio. Retag reads the stored text only.
set -euo pipefail
runs=${1:-3}
corpus=${CYDEX_BENCH_CORPUS:-../shared/corpus}
[[ -d $corpus ]] || { echo "skipped: $corpus not found"; exit 0; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
"$CYDEX_BIN" ingest -q --index "$tmp/index" "$corpus" >/dev/null 2>&1 || true
ingest=(); retag=()
for ((i = 0; i < runs; i++)); do
  ingest+=("$(seconds "$CYDEX_BIN" ingest -q --index "$tmp/index" "$corpus")")
  retag+=("$(seconds "$CYDEX_BIN" retag -q --index "$tmp/index")")
done
mi=$(printf '%s\n' "${ingest[@]}" | median); mr=$(printf '%s\n' "${retag[@]}" | median)
docs=$("$CYDEX_BIN" search --json --limit 0 --index "$tmp/index" "" | grep -o '"total": [0-9]*' | grep -o '[0-9]*')
echo "| command | documents | median wall s ($runs runs) |"
echo "|---|---|---|"
printf '| cydex ingest (re-extract and re-tag) | %s | %.2f |\n' "$docs" "$mi"
printf '| cydex retag (stored text only) | %s | %.2f |\n' "$docs" "$mr"
printf '\nretag is %.1fx faster than a full re-ingest.\n' "$(echo "$mi / $mr" | bc -l)"
