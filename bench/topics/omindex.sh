#!/usr/bin/env bash
# A full index from scratch: `cydex ingest --jobs 2` (extraction, cleaning,
# tagging and indexing) against Xapian's own indexer `omindex` (Debian package
# xapian-omega; PDFs through pdftotext from poppler-utils, HTML and text
# natively) on the same files in the same run, each into a fresh database,
# alternating, median of N runs; the ratios are omindex's wall time and CPU
# time (user + system, child processes included: cydex's extraction workers,
# omindex's pdftotext) over cydex's (above 1: cydex is faster). CPU time says
# more than wall time when the machine is shared.
#
# Corpora: ../shared/corpus (its pdf/ and html/ folders), then the synthetic
# corpus of bench/synth/make_synthetic_corpus.py: SYNTH_DOCS documents
# (default 100000; 0 skips it) generated once per run of this script into a
# temporary folder, or the folder CYDEX_SYNTH_DIR when set (generated
# earlier, e.g. `bench/synth/make_synthetic_corpus.py /tmp/synth`). With
# CYDEX_KEEP_INDEX=DIR, cydex's index of the synthetic corpus is kept there
# (replacing DIR), e.g. for `bench/run search --reuse-index`.
#
# usage: bench/run omindex [RUNS] [SYNTH_RUNS]    (defaults 3 and 1)
set -euo pipefail
runs=${1:-3}
synth_runs=${2:-1}
jobs=2
missing=()
command -v omindex >/dev/null || missing+=("omindex (apt-get install -y xapian-omega)")
command -v pdftotext >/dev/null || missing+=("pdftotext (apt-get install -y poppler-utils)")
command -v xapian-delve >/dev/null || missing+=("xapian-delve (apt-get install -y xapian-tools)")
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (apt-get install -y time)")
if ((${#missing[@]} > 0)); then
  echo "skipped: not installed: ${missing[*]}"
  exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

seconds_since() { echo "$(date +%s.%N) - $1" | bc -l; }
# cpu_of FILE: user + system seconds from /usr/bin/time's "%U %S" (children included).
cpu_of() { awk '{s += $1 + $2} END {printf "%.2f", s}' "$1"; }
timed() { /usr/bin/time -a -f "%U %S" -o "$tmp/cpu" "$@"; }
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
doc_count() { xapian-delve "$1" 2>/dev/null | awk -F' = ' '/number of documents/ {print $2}'; }

# bench_corpus NAME RUNS FOLDER...: prints one table row per tool.
bench_corpus() {
  local name=$1 n=$2
  shift 2
  local cydex_times="" omindex_times="" cydex_cpu="" omindex_cpu="" start folder
  for ((i = 0; i < n; i++)); do
    rm -rf "$tmp/cydex-db" "$tmp/omindex-db" "$tmp/cpu"
    start=$(date +%s.%N)
    timed "$CYDEX_BIN" ingest -q --jobs "$jobs" --index "$tmp/cydex-db" "$@" >/dev/null 2>"$tmp/cydex.err" || true
    cydex_times+="$(seconds_since "$start") "
    cydex_cpu+="$(cpu_of "$tmp/cpu") "
    rm -f "$tmp/cpu"
    start=$(date +%s.%N)
    for folder in "$@"; do
      # --no-delete: the second folder must not drop the first one's documents.
      timed omindex --no-delete --db "$tmp/omindex-db" --url "/$(basename "$folder")" "$folder" \
        >/dev/null 2>"$tmp/omindex.err" || true
    done
    omindex_times+="$(seconds_since "$start") "
    omindex_cpu+="$(cpu_of "$tmp/cpu") "
  done
  local mc mo cc co
  mc=$(median "$cydex_times")
  mo=$(median "$omindex_times")
  cc=$(median "$cydex_cpu")
  co=$(median "$omindex_cpu")
  printf '| %s | cydex ingest --jobs %d | %s | %.2f | %s| %.2f | %.2f | %.2f |\n' "$name" "$jobs" \
    "$(doc_count "$tmp/cydex-db")" "$mc" "$cydex_times" "$(echo "$mo / $mc" | bc -l)" "$cc" "$(echo "$co / $cc" | bc -l)"
  printf '| %s | omindex | %s | %.2f | %s| 1 | %.2f | 1 |\n' "$name" "$(doc_count "$tmp/omindex-db")" "$mo" \
    "$omindex_times" "$co"
}

echo "cydex: $CYDEX_BIN; $(omindex --version | head -n 1); $(nproc) cores on the machine."
echo
echo "| corpus | indexer | documents | median wall s | runs (s) | omindex wall / this wall | median CPU s | omindex CPU / this CPU |"
echo "|---|---|---|---|---|---|---|---|"
shared=../shared/corpus
if [[ -d $shared/pdf && -d $shared/html ]]; then
  bench_corpus "shared corpus (PDF + HTML)" "$runs" "$shared/pdf" "$shared/html"
else
  echo "| shared corpus | skipped: $shared not found | | | | | | |"
fi

synth=${CYDEX_SYNTH_DIR:-}
synth_docs=${SYNTH_DOCS:-100000}
if [[ -z $synth && $synth_docs -gt 0 && -f bench/synth/make_synthetic_corpus.py ]]; then
  synth=$tmp/synth
  python3 bench/synth/make_synthetic_corpus.py "$synth" --docs "$synth_docs" --quiet
fi
if [[ -n $synth && -d $synth/docs ]]; then
  bench_corpus "synthetic, $(find "$synth/docs" -type f | wc -l) files" "$synth_runs" "$synth"
  if [[ -n ${CYDEX_KEEP_INDEX:-} ]]; then
    rm -rf "$CYDEX_KEEP_INDEX"
    mv "$tmp/cydex-db" "$CYDEX_KEEP_INDEX"
  fi
fi
