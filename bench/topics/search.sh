#!/usr/bin/env bash
# Search at scale: `bench/run search [DOCS] [QUERIES] [SAMPLE] [--reuse-index]`.
#  1. a synthetic corpus of DOCS documents (default 100000) made from real
#     texts by bench/synth/make_synthetic_corpus.py --seed 1, kept in
#     build-bench/synth-DOCS and made again only when missing;
#  2. `cydex ingest --jobs 2` of it into build-bench/synth-DOCS-index: wall
#     time, documents/s, MB/s of input files, index size (--reuse-index keeps
#     an index made before and skips this step);
#  3. QUERIES queries (default 1000) from bench/synth/make_queries.py --seed 1,
#     timed in process (search_bench inprocess, median of 3 runs per query),
#     then SAMPLE of them (default 200) as whole processes, `cydex search
#     --json` against `quest` on the same index, alternating.
# A quick check: bench/run search 2000 200 50
set -euo pipefail
reuse=0
positional=()
for arg in "$@"; do
  if [[ $arg == --reuse-index ]]; then reuse=1; else positional+=("$arg"); fi
done
docs=${positional[0]:-100000}
queries=${positional[1]:-1000}
sample=${positional[2]:-200}
bench=${CYDEX_BENCH_DIR:?run through bench/run}/search_bench
root=$(dirname "$CYDEX_BENCH_DIR")
corpus=$root/synth-$docs
index=$root/synth-$docs-index
command -v quest >/dev/null || { echo "quest not found (apt-get install xapian-tools)" >&2; exit 1; }

if [[ ! -f $corpus/catalogue.tsv ]]; then
  rm -rf "$corpus"
  python3 bench/synth/make_synthetic_corpus.py "$corpus" --docs "$docs" --seed 1 --quiet
fi
files=$(find "$corpus/docs" -type f | wc -l)
bytes=$(du -sb "$corpus/docs" | cut -f1)

echo "### Indexing"
echo
if [[ $reuse == 1 && -d $index ]]; then
  echo "(index of an earlier run reused: $index)"
else
  rm -rf "$index"
  start=$(date +%s.%N)
  status=0
  "$CYDEX_BIN" ingest -q --jobs 2 --index "$index" "$corpus" >/dev/null 2>"$root/search-ingest.log" || status=$?
  end=$(date +%s.%N)
  [[ $status == 0 ]] || echo "cydex ingest exit status $status (see $root/search-ingest.log)"
  secs=$(echo "$end - $start" | bc -l)
  isize=$(du -sb "$index" | cut -f1)
  echo "| documents | MB of files | wall s | documents/s | MB/s | index MB | index / files |"
  echo "|---|---|---|---|---|---|---|"
  printf '| %d | %.0f | %.0f | %.0f | %.2f | %.0f | %.2f |\n' "$files" "$(echo "$bytes / 1000000" | bc -l)" "$secs" \
    "$(echo "$files / $secs" | bc -l)" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(echo "$isize / 1000000" | bc -l)" "$(echo "$isize / $bytes" | bc -l)"
fi
echo

"$bench" tags "$index" >"$root/synth-$docs-tags.tsv"
python3 bench/synth/make_queries.py "$corpus" "$root/synth-$docs-tags.tsv" --count "$queries" --seed 1 \
  >"$root/synth-$docs-queries.tsv"
echo "### Latency in process"
echo
"$bench" inprocess "$index" "$root/synth-$docs-queries.tsv" 3
echo
echo "### Latency as whole processes, against quest"
echo
"$bench" processes "$CYDEX_BIN" "$index" "$root/synth-$docs-queries.tsv" "$sample"
